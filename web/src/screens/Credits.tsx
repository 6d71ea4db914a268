import { useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { Empty, ErrorBox, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import { formatCredits, formatDateTime, formatSigned } from "../lib/format";

const CreditsQuery = graphql(`
  query Credits($first: Int!, $after: String) {
    me {
      id
      credits
      creditsHeld
    }
    creditTransactions(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          kind
          amount
          heldDelta
          balanceAfter
          reference
          description
          createdAt
        }
      }
    }
  }
`);

const KIND_WORDS: Record<string, string> = {
  SIGNUP: "Welcome credits",
  GRANT: "Granted",
  RESERVE: "Held for a batch",
  CAPTURE: "Charged for an image",
  REFUND: "Refunded",
};

export function CreditsScreen() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const [result, refetch] = useQuery({ query: CreditsQuery, variables: { first: 25, after }, requestPolicy: "network-only" });
  const data = result.data;
  return (
    <section>
      <PageHeader title="Credits" />
      {result.fetching && !data && <Loading what="Loading your ledger" />}
      <ErrorBox error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />
      {data && (
        <>
          <dl className="facts">
            <div>
              <dt>Balance</dt>
              <dd data-testid="ledger-balance">{formatCredits(data.me.credits)}</dd>
            </div>
            <div>
              <dt>On hold</dt>
              <dd>{formatCredits(data.me.creditsHeld)}</dd>
            </div>
            <div>
              <dt>Entries</dt>
              <dd>{data.creditTransactions.totalCount}</dd>
            </div>
          </dl>
          <p className="hint">
            Every change is an entry: a batch holds its quote at submit, each delivered image is charged from the hold, and whatever is not delivered
            comes back as a refund. The entries always add up to your balance.
          </p>
          {data.creditTransactions.totalCount === 0 ? (
            <Empty>
              <p>No entries yet.</p>
            </Empty>
          ) : (
            <div className="table-wrap">
              <table data-testid="ledger" className="reflow">
                <caption className="visually-hidden">Ledger, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">What</th>
                    <th scope="col" className="num">
                      Amount
                    </th>
                    <th scope="col" className="num">
                      Hold
                    </th>
                    <th scope="col" className="num">
                      Balance
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.creditTransactions.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td data-label="When">{formatDateTime(node.createdAt)}</td>
                      <td data-label="What">
                        <span>
                          {KIND_WORDS[node.kind] ?? node.kind}
                          {node.reference && node.kind !== "GRANT" && node.kind !== "SIGNUP" && (
                            <>
                              {" "}
                              · <Link to={`/batches/${node.reference}`}>batch</Link>
                            </>
                          )}
                          {node.description && <span className="meta"> · {node.description}</span>}
                        </span>
                      </td>
                      <td data-label="Amount" className={`num ${node.amount < 0 ? "negative" : node.amount > 0 ? "positive" : ""}`}>{formatSigned(node.amount)}</td>
                      <td data-label="Hold" className="num">{node.heldDelta ? formatSigned(node.heldDelta) : ""}</td>
                      <td data-label="Balance" className="num">{node.balanceAfter}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="pager">
            {cursors.length > 1 && (
              <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))}>
                Newer
              </button>
            )}
            {data.creditTransactions.pageInfo.hasNextPage && (
              <button type="button" onClick={() => setCursors((c) => [...c, data.creditTransactions.pageInfo.endCursor ?? null])}>
                Older
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
