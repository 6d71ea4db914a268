import { useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { ConnectionStates, Pager, usePageCursor } from "../components/paging";
import { ChoiceField, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import type { BatchStatus } from "../gql/graphql";
import { statusLabel } from "../lib/format";
import { BatchList } from "./ProjectDetail";

const BatchesQuery = graphql(`
  query Batches($first: Int!, $after: String, $filter: BatchJobFilter) {
    batchJobs(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          ...BatchRowFields
        }
      }
    }
  }
`);

const STATUSES: BatchStatus[] = ["QUEUED", "RUNNING", "CANCEL_REQUESTED", "SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED"];

export function BatchesScreen() {
  const [status, setStatus] = useState<BatchStatus | "">("");
  const { after, setAfter, restart } = usePageCursor();
  const [result, refetch] = useQuery({
    query: BatchesQuery,
    variables: { first: 25, after, filter: status ? { status } : null },
  });
  const connection = result.data?.batchJobs;
  return (
    <section>
      <PageHeader title="Batches">
        <Link className="button primary" to="/generate">
          New generation
        </Link>
      </PageHeader>
      <div className="toolbar">
        <ChoiceField
          label="Status"
          blank="Any"
          choices={STATUSES}
          describe={statusLabel}
          value={status}
          onChange={(value) => {
            setStatus(value);
            restart();
          }}
        />
      </div>
      <ConnectionStates
        result={result}
        refetch={refetch}
        connection={connection}
        loading="Loading batches"
        empty={
          <p>
            No batches{status ? ` with status ${statusLabel(status).toLowerCase()}` : ""}. <Link to="/generate">Generate some images</Link>.
          </p>
        }
      />
      {connection && connection.edges.length > 0 && <BatchList batches={connection.edges.map((e) => e.node)} />}
      <Pager after={after} pageInfo={connection?.pageInfo} onPage={setAfter} />
    </section>
  );
}
