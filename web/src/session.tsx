// The signed-in session: the token, who it names, and whether the API said it is no longer good.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { Client as WsClient } from "graphql-ws";
import { Provider } from "urql";
import { loadToken, readClaims, saveToken, type TokenClaims } from "./lib/auth";
import { createApiClient } from "./lib/client";

interface Session {
  token: string | null;
  claims: TokenClaims | null;
  /** The API refused the token (expired or revoked): ask for a new one. */
  expired: boolean;
  signIn(token: string): void;
  signOut(): void;
  authExpired(): void;
  socket: WsClient | null;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => loadToken());
  const [expired, setExpired] = useState(false);
  const authExpired = useCallback(() => setExpired(true), []);
  const signIn = useCallback((next: string) => {
    saveToken(next);
    setToken(next);
    setExpired(false);
  }, []);
  const signOut = useCallback(() => {
    saveToken(null);
    setToken(null);
    setExpired(false);
  }, []);
  // A new token makes new clients (and sockets); the old ones are dropped with their cache.
  const api = useMemo(() => (token ? createApiClient(token, authExpired) : null), [token, authExpired]);
  const value = useMemo<Session>(
    () => ({
      token,
      claims: token ? readClaims(token) : null,
      expired,
      signIn,
      signOut,
      authExpired,
      socket: api?.socket ?? null,
    }),
    [token, expired, signIn, signOut, authExpired, api],
  );
  return (
    <SessionContext.Provider value={value}>
      {api ? <Provider value={api.client}>{children}</Provider> : children}
    </SessionContext.Provider>
  );
}
