// WebSocket close codes in words, for the reconnect banner: the standard codes (RFC 6455 §7.4) and the ones the API's
// graphql-transport-ws layer uses (app/websocket). A code without words is shown as its number.

const WORDS: Record<number, string> = {
  1000: "closed normally",
  1001: "the server is going away",
  1006: "the connection dropped",
  1008: "the server refused a message",
  1009: "a message was too big",
  1011: "the server hit an error",
  1012: "the server is restarting",
  1013: "the server is busy or this connection fell behind; trying again",
  4400: "the server could not read a message",
  4401: "the connection was not signed in",
  4403: "your session expired or is not allowed",
  4406: "the server does not speak this protocol",
  4408: "the connection took too long to start",
  4409: "a subscription was opened twice",
  4429: "too many connections or sign-in attempts",
  4499: "the connection was closed by the client",
};

/** "the server is restarting (code 1012)"; an unknown code: "closed with code 4999". */
export function closeCodeText(code: number, reason?: string): string {
  const words = WORDS[code];
  const why = reason && reason.trim() && words ? `: ${reason.trim()}` : "";
  return words ? `${words}${why} (code ${code})` : `closed with code ${code}${reason?.trim() ? `: ${reason.trim()}` : ""}`;
}

/** A close event (or anything shaped like one: `{ code, reason }`), in words; null for anything else. */
export function describeClose(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const { code, reason } = error as { code: unknown; reason?: unknown };
  if (typeof code !== "number") return null;
  return closeCodeText(code, typeof reason === "string" ? reason : undefined);
}
