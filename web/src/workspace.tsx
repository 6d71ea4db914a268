// The chosen workspace: the caller's workspaces (personal first), the one chosen in the switcher (remembered in
// localStorage per account; the personal one when nothing, or a workspace one no longer belongs to, is remembered).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { useQuery } from "urql";
import { graphql } from "./gql";
import type { MyWorkspacesQuery } from "./gql/graphql";
import { choiceKey, chooseWorkspace, orderWorkspaces, workspaceLabel } from "./lib/workspaces";
import { useSession } from "./session";

const MyWorkspaces = graphql(`
  query MyWorkspaces {
    workspaces(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          kind
          role
        }
      }
    }
  }
`);

export type WorkspaceSummary = MyWorkspacesQuery["workspaces"]["edges"][number]["node"];

interface WorkspaceChoice {
  /** The caller's workspaces, personal first; empty while loading. */
  workspaces: WorkspaceSummary[];
  current: WorkspaceSummary | null;
  fetching: boolean;
  error: Error | null;
  choose(id: string): void;
  /** Read the list again (after creating, joining, leaving). */
  refresh(): void;
}

const WorkspaceContext = createContext<WorkspaceChoice | null>(null);

export function useWorkspaces(): WorkspaceChoice {
  const choice = useContext(WorkspaceContext);
  if (!choice) throw new Error("useWorkspaces outside WorkspaceProvider");
  return choice;
}

function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function save(key: string, id: string): void {
  try {
    localStorage.setItem(key, id);
  } catch {
    // Storage off: the choice lasts for this page only.
  }
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const { claims } = useSession();
  const key = choiceKey(claims?.sub);
  const [remembered, setRemembered] = useState<string | null>(() => load(key));
  const [result, refetch] = useQuery({ query: MyWorkspaces, requestPolicy: "cache-and-network" });
  const workspaces = useMemo(() => orderWorkspaces(result.data?.workspaces.edges.map((e) => e.node) ?? []), [result.data]);
  const current = chooseWorkspace(workspaces, remembered);
  const choose = useCallback(
    (id: string) => {
      save(key, id);
      setRemembered(id);
    },
    [key],
  );
  const refresh = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);
  const value = useMemo<WorkspaceChoice>(
    () => ({ workspaces, current, fetching: result.fetching, error: result.error ?? null, choose, refresh }),
    [workspaces, current, result.fetching, result.error, choose, refresh],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The switcher of the top bar: every workspace with the caller's role in it. */
export function WorkspaceSwitcher() {
  const { workspaces, current, choose } = useWorkspaces();
  if (!current) return null;
  return (
    <label className="workspace-switcher">
      <span className="visually-hidden">Workspace</span>
      <select data-testid="workspace-switcher" value={current.id} onChange={(e) => choose(e.target.value)}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {workspaceLabel(w)}
          </option>
        ))}
      </select>
    </label>
  );
}
