// A cursor-paged connection on a screen: its loading, error and empty states, the pager, and the search box that
// narrows it. Each list screen renders its own rows; these are the parts they all share.
import { useState, type ReactNode } from "react";
import type { CombinedError } from "@urql/core";
import { Empty, ErrorBox, Field, Loading } from "./ui";

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** The connection fields the shared parts read (every paged query selects them). */
export interface PagedConnection {
  totalCount: number;
  pageInfo: PageInfo;
}

/** The `after` cursor of a paged query, and `restart` for when a filter changes (back to the first page). */
export function usePageCursor() {
  const [after, setAfter] = useState<string | null>(null);
  return { after, setAfter, restart: () => setAfter(null) };
}

/**
 * The states of a paged query before its rows: loading (only while there is nothing to show yet), the query's error
 * with a retry that skips the cache, and `empty` when the connection has no rows at all.
 */
export function ConnectionStates({
  result,
  refetch,
  connection,
  loading,
  empty,
}: {
  result: { fetching: boolean; error?: CombinedError | undefined };
  refetch: (options: { requestPolicy: "network-only" }) => void;
  connection: PagedConnection | undefined;
  loading: string;
  empty: ReactNode;
}) {
  return (
    <>
      {result.fetching && !connection && <Loading what={loading} />}
      <ErrorBox error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />
      {connection && connection.totalCount === 0 && <Empty>{empty}</Empty>}
    </>
  );
}

/** "Next page" while the connection has one: moves the cursor to the end of this page. */
export function NextPageButton({ pageInfo, onNext }: { pageInfo: PageInfo | undefined; onNext: (after: string | null) => void }) {
  if (!pageInfo?.hasNextPage) return null;
  return (
    <button type="button" onClick={() => onNext(pageInfo.endCursor ?? null)}>
      Next page
    </button>
  );
}

/** "First page" once past it, and "Next page" while there is one. */
export function Pager({ after, pageInfo, onPage }: { after: string | null; pageInfo: PageInfo | undefined; onPage: (after: string | null) => void }) {
  return (
    <div className="pager">
      {after && (
        <button type="button" onClick={() => onPage(null)}>
          First page
        </button>
      )}
      <NextPageButton pageInfo={pageInfo} onNext={onPage} />
    </div>
  );
}

/** A labelled search box; `onSearch` gets every keystroke (callers restart paging there). */
export function SearchField({ label, value, onSearch, name }: { label: string; value: string; onSearch: (text: string) => void; name?: string }) {
  return (
    <Field label={label}>
      {(props) => <input {...props} type="search" name={name} value={value} onChange={(e) => onSearch(e.target.value)} />}
    </Field>
  );
}
