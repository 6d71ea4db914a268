import { useEffect, useState } from "react";
import { Navigate, NavLink, Route, Routes, useLocation } from "react-router-dom";
import { useQuery } from "urql";
import { print } from "graphql";
import { graphql } from "./gql";
import type { BalanceSubscription as BalanceSubscriptionType } from "./gql/graphql";
import { createSocket, isAuthClose, subscribeWith } from "./lib/client";
import { formatCredits } from "./lib/format";
import { followMyEvents } from "./lib/myEvents";
import { socketText } from "./lib/persisted";
import { SessionProvider, useSession } from "./session";
import { AnalyticsScreen } from "./screens/Analytics";
import { BatchesScreen } from "./screens/Batches";
import { BatchTrackerScreen } from "./screens/BatchTracker";
import { CreditsScreen } from "./screens/Credits";
import { GalleryScreen } from "./screens/Gallery";
import { GenerateScreen } from "./screens/Generate";
import { PresetDetailScreen } from "./screens/PresetDetail";
import { PresetsScreen } from "./screens/Presets";
import { ProjectDetailScreen } from "./screens/ProjectDetail";
import { ProjectsScreen } from "./screens/Projects";
import { SettingsScreen } from "./screens/Settings";
import { JoinScreen } from "./screens/Join";
import { SignInForm, SignInScreen } from "./screens/SignIn";
import { WorkspaceScreen } from "./screens/Workspace";
import { WorkspaceProvider, WorkspaceSwitcher } from "./workspace";

const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      credits
      creditsHeld
    }
  }
`);

const BalanceSubscription = graphql(`
  subscription Balance($afterSeq: Int) {
    myEvents(afterSeq: $afterSeq) {
      __typename
      ... on CreditBalanceEvent {
        balance
        kind
        userSeq
      }
      ... on BatchProgressEvent {
        kind
        userSeq
      }
    }
  }
`);

const NAV = [
  ["/projects", "Projects"],
  ["/generate", "Generate"],
  ["/batches", "Batches"],
  ["/gallery", "Gallery"],
  ["/presets", "Presets"],
  ["/analytics", "Analytics"],
  ["/credits", "Credits"],
  ["/workspace", "Workspace"],
  ["/settings", "Settings"],
] as const;

const BALANCE_TEXT = print(BalanceSubscription);
// Production builds send the manifest's text, which an API running only trusted documents accepts.
const BALANCE_QUERY = import.meta.env.PROD ? socketText(BalanceSubscription, BALANCE_TEXT) : BALANCE_TEXT;

type MyEvent = BalanceSubscriptionType["myEvents"];

/** The last balance event of `myEvents` (batch events come on the same stream), followed over a socket of its own
 * that resumes with `afterSeq` after a drop: what was missed is replayed, or a snapshot carries the balance. */
function useLastBalanceEvent(): MyEvent | null {
  const { token, authExpired } = useSession();
  const [last, setLast] = useState<MyEvent | null>(null);
  useEffect(() => {
    if (!token) return;
    const socket = createSocket({ token, onAuthExpired: authExpired, retry: false });
    const stop = followMyEvents<MyEvent>(
      (afterSeq, sink) =>
        subscribeWith<BalanceSubscriptionType>(
          socket,
          BALANCE_QUERY,
          { query: BALANCE_TEXT, variables: { afterSeq } },
          {
            next: (result) => {
              if (result.data) sink.next(result.data.myEvents);
              else if (result.errors) sink.error(result.errors);
            },
            error: sink.error,
            complete: sink.complete,
          },
        ),
      {
        onEvent: (event) => {
          if (event.__typename === "CreditBalanceEvent") setLast(event);
        },
        isFatal: (error) => isAuthClose(error) || Array.isArray(error),
      },
    );
    return () => {
      stop();
      void socket.dispose();
    };
  }, [token, authExpired]);
  return last;
}

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { token } = useSession();
  if (!token) {
    return (
      <Routes>
        <Route path="/signin" element={<SignInScreen />} />
        <Route path="*" element={<RedirectToSignIn />} />
      </Routes>
    );
  }
  return <SignedInWithWorkspaces />;
}

/** The workspace choice is per account: a new account (after the session-ended dialog) starts from its own. */
function SignedInWithWorkspaces() {
  const { claims } = useSession();
  return (
    <WorkspaceProvider key={claims?.sub ?? ""}>
      <SignedIn />
    </WorkspaceProvider>
  );
}

function RedirectToSignIn() {
  const location = useLocation();
  return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
}

function SignedIn() {
  const { expired, signOut, claims } = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [me, refetchMe] = useQuery({ query: MeQuery });
  const live = useLastBalanceEvent();
  const balance = live?.__typename === "CreditBalanceEvent" ? live.balance : me.data?.me.credits;

  // The held amount is not in the balance event: read `me` again whenever the balance moves.
  useEffect(() => {
    if (live?.__typename === "CreditBalanceEvent") refetchMe({ requestPolicy: "network-only" });
  }, [live, refetchMe]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/projects" className="brand">
          Preset Playground
        </NavLink>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={menuOpen ? "open" : ""}>
          <ul>
            {NAV.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} onClick={() => setMenuOpen(false)}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <WorkspaceSwitcher />
          <NavLink to="/credits" className="balance" aria-label="Your balance" data-testid="balance">
            {balance === undefined ? "…" : formatCredits(balance)}
            {me.data && me.data.me.creditsHeld > 0 && <span className="held"> ({me.data.me.creditsHeld} held)</span>}
          </NavLink>
          <span className="who" title={claims?.sub ?? ""}>
            {me.data?.me.displayName ?? claims?.name ?? claims?.sub}
          </span>
          <button type="button" className="link-button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      {expired && (
        <div className="expired" role="dialog" aria-modal="true" aria-labelledby="expired-title">
          <div className="expired-card">
            <h2 id="expired-title">Your session has ended</h2>
            <p>The API no longer accepts your token (it expired or was replaced). Get a new one to carry on where you were.</p>
            <SignInForm defaultSubject={claims?.sub ?? ""} autoFocus />
          </div>
        </div>
      )}
      <main id="main" tabIndex={-1} aria-hidden={expired || undefined}>
        <Routes>
          <Route path="/" element={<Navigate to="/projects" replace />} />
          <Route path="/signin" element={<Navigate to={(location.state as { from?: string } | null)?.from ?? "/projects"} replace />} />
          <Route path="/projects" element={<ProjectsScreen />} />
          <Route path="/projects/:id" element={<ProjectDetailScreen />} />
          <Route path="/generate" element={<GenerateScreen />} />
          <Route path="/batches" element={<BatchesScreen />} />
          <Route path="/batches/:id" element={<BatchTrackerScreen />} />
          <Route path="/gallery" element={<GalleryScreen />} />
          <Route path="/presets" element={<PresetsScreen />} />
          <Route path="/presets/:id" element={<PresetDetailScreen />} />
          <Route path="/analytics" element={<AnalyticsScreen />} />
          <Route path="/credits" element={<CreditsScreen />} />
          <Route path="/settings" element={<SettingsScreen />} />
          <Route path="/workspace" element={<WorkspaceScreen />} />
          <Route path="/join/:token" element={<JoinScreen />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </div>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Not found</h1>
      <p>
        There is nothing at this address. <NavLink to="/projects">Go to your projects</NavLink>.
      </p>
    </section>
  );
}
