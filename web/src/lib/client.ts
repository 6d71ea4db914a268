// The GraphQL clients: urql over HTTP (queries, mutations, uploads) and graphql-ws for subscriptions, both on the
// API's own origin, both carrying the bearer token and both reporting an expired token to `onAuthExpired`.
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient, type FormattedExecutionResult, type Sink, type SubscribePayload } from "graphql-ws";
import { isAuthError } from "./errors";
import { loadManifest, persistedFetch, persistedQueries, socketText } from "./persisted";

/** The API closes a socket with 4403 when the token is missing, invalid or expired. */
export const WS_AUTH_CLOSE = 4403;

export function graphqlUrl(): string {
  return `${location.origin}/graphql`;
}

export function websocketUrl(): string {
  return graphqlUrl().replace(/^http/, "ws");
}

export function isAuthClose(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === WS_AUTH_CLOSE;
}

export interface WsOptions {
  token: string;
  onAuthExpired: () => void;
  /** Reconnect the socket by itself (shared client); off for followers that resume with `afterSeq` themselves. */
  retry: boolean;
}

export function createSocket({ token, onAuthExpired, retry }: WsOptions): WsClient {
  return createWsClient({
    url: websocketUrl(),
    lazy: true,
    connectionParams: () => ({ Authorization: `Bearer ${token}` }),
    retryAttempts: retry ? 8 : 0,
    shouldRetry: (event) => !isAuthClose(event),
    on: {
      closed: (event) => {
        if (isAuthClose(event)) onAuthExpired();
      },
    },
  });
}

/** `socket.subscribe` with a text that may still be loading (the manifest's, in production builds): subscribes
 * once it is there, unless unsubscribed before. */
export function subscribeWith<Data>(
  socket: WsClient,
  query: string | Promise<string>,
  payload: SubscribePayload,
  sink: Sink<FormattedExecutionResult<Data>>,
): () => void {
  if (typeof query === "string") return socket.subscribe<Data>({ ...payload, query }, sink);
  let unsubscribe: (() => void) | null = null;
  let stopped = false;
  void query.then((text) => {
    if (!stopped) unsubscribe = socket.subscribe<Data>({ ...payload, query: text }, sink);
  });
  return () => {
    stopped = true;
    unsubscribe?.();
  };
}

export function createApiClient(
  token: string,
  onAuthExpired: () => void,
  { persisted = import.meta.env.PROD }: { persisted?: boolean } = {},
): { client: Client; socket: WsClient } {
  const socket = createSocket({ token, onAuthExpired, retry: true });
  const client = new Client({
    url: graphqlUrl(),
    // Every screen reads fresh data: a single-user playground has no use for a stale cache.
    requestPolicy: "cache-and-network",
    // Texts go by POST (the API runs no text over GET: no CSRF through links or images); in production builds
    // queries sent by hash alone may use GET (src/lib/persisted.ts), which the API allows for persisted queries.
    preferGetMethod: false,
    ...(persisted ? { fetch: persistedFetch(loadManifest) } : {}),
    fetchOptions: () => ({
      headers: {
        Authorization: `Bearer ${token}`,
        // The API's CSRF guard wants this on multipart uploads; harmless on JSON requests.
        "X-Playground-Upload": "1",
      },
    }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (isAuthError(error)) onAuthExpired();
        },
      }),
      cacheExchange,
      ...(persisted ? [persistedQueries()] : []),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          const text = request.query || "";
          const input = { ...request, query: text };
          return {
            subscribe(sink) {
              const query = persisted ? socketText(operation.query, text) : text;
              const unsubscribe = subscribeWith(socket, query, input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, socket };
}
