// The bearer token: kept in localStorage, read for every request and WebSocket, and dropped when the API says it
// is no longer good (UNAUTHENTICATED, or a socket closed with 4403).

const STORAGE_KEY = "playground.token";

export interface TokenClaims {
  sub: string | null;
  name: string | null;
  /** Expiry, in milliseconds since the epoch; null when the token carries none we can read. */
  expiresAt: number | null;
}

/** The claims a client may look at. The signature is the server's business; this only decodes. */
export function readClaims(token: string): TokenClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    const json: unknown = JSON.parse(atob(padded));
    if (typeof json !== "object" || json === null) return null;
    const claims = json as Record<string, unknown>;
    return {
      sub: typeof claims.sub === "string" ? claims.sub : null,
      name: typeof claims.name === "string" ? claims.name : null,
      expiresAt: typeof claims.exp === "number" ? claims.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}

/** What is wrong with a pasted token, or null when it looks usable. */
export function tokenProblem(token: string, now: number = Date.now()): string | null {
  const trimmed = token.trim();
  if (!trimmed) return "Paste a token.";
  const claims = readClaims(trimmed);
  if (!claims) return "This is not a JWT (three base64url parts separated by dots).";
  if (claims.expiresAt !== null && claims.expiresAt <= now) return "This token has expired.";
  return null;
}

export function loadToken(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(STORAGE_KEY, token);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or storage off: the token lives for this page only.
  }
}

export interface DevToken {
  token: string;
  expiresIn: number;
}

/** Ask a development server for a token (`POST /dev/token`); null when the server does not mint them. */
export async function mintDevToken(subject: string, name: string): Promise<DevToken | null> {
  const response = await fetch("/dev/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sub: subject, name: name || undefined }),
  });
  if (response.status === 404) return null;
  const body = (await response.json()) as { token?: string; expiresIn?: number; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `The server answered ${response.status}.`);
  return { token: body.token, expiresIn: body.expiresIn ?? 0 };
}
