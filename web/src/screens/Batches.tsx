import { useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { Empty, ErrorBox, Field, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import type { BatchStatus } from "../gql/graphql";
import { statusLabel } from "../lib/format";
import { BatchList } from "./ProjectDetail";

const BatchesQuery = graphql(`
  query Batches($first: Int!, $after: String, $filter: BatchJobFilter) {
    batchJobs(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          mode
          status
          prompts
          totalImages
          completedImages
          createdAt
        }
      }
    }
  }
`);

const STATUSES: BatchStatus[] = ["QUEUED", "RUNNING", "CANCEL_REQUESTED", "SUCCEEDED", "PARTIALLY_SUCCEEDED", "FAILED", "CANCELLED"];

export function BatchesScreen() {
  const [status, setStatus] = useState<BatchStatus | "">("");
  const [after, setAfter] = useState<string | null>(null);
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
        <Field label="Status">
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as BatchStatus | "");
                setAfter(null);
              }}
            >
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {result.fetching && !connection && <Loading what="Loading batches" />}
      <ErrorBox error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />
      {connection && connection.totalCount === 0 && (
        <Empty>
          <p>
            No batches{status ? ` with status ${statusLabel(status).toLowerCase()}` : ""}. <Link to="/generate">Generate some images</Link>.
          </p>
        </Empty>
      )}
      {connection && connection.edges.length > 0 && <BatchList batches={connection.edges.map((e) => e.node)} />}
      <div className="pager">
        {after && (
          <button type="button" onClick={() => setAfter(null)}>
            First page
          </button>
        )}
        {connection?.pageInfo.hasNextPage && (
          <button type="button" onClick={() => setAfter(connection.pageInfo.endCursor ?? null)}>
            Next page
          </button>
        )}
      </div>
    </section>
  );
}
