// Persisted queries (production builds): queries and mutations go out as the SHA-256 that GraphQL Code Generator
// gave each document (`__meta__.hash`, the key of src/gql/persisted-documents.json), queries over GET when the URL
// stays short, so the API runs its trusted copy (GRAPHQL_TRUSTED_DOCUMENTS) or its registered one. When the API
// does not know a hash (PersistedQueryNotFound), urql's exchange sends it again with the text; `persistedFetch`
// makes that text the manifest's, the very bytes the hash was made from, so the API can check and register it
// (urql's own printing of the document differs, and the API refuses a hash that is not its text's).
import type { Exchange } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";

export type Manifest = Record<string, string>;

/** The hash codegen embedded in a document, or undefined (then urql sends the text alone). */
export function documentHash(document: unknown): string | undefined {
  if (typeof document !== "object" || document === null || !("__meta__" in document)) return undefined;
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === "string" ? meta.hash : undefined;
}

export function persistedQueries(): Exchange {
  return persistedExchange({
    enableForMutation: true,
    preferGetForPersistedQueries: "within-url-limit",
    generateHash: (_query, document) => Promise.resolve(documentHash(document)),
  });
}

interface PersistedRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown; miss?: unknown } };
}

/** The manifest's text for a request that re-sends a missed hash with its text; otherwise undefined. */
export function missedText(request: PersistedRequest, manifest: Manifest): string | undefined {
  const persisted = request.extensions?.persistedQuery;
  if (!persisted?.miss || typeof persisted.sha256Hash !== "string" || request.query === undefined) return undefined;
  return manifest[persisted.sha256Hash];
}

function parsed(text: string | null): PersistedRequest | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as PersistedRequest) : undefined;
  } catch {
    return undefined;
  }
}

/** `fetch` for urql: a request re-sending a missed hash carries the manifest's text for it (JSON or multipart
 * body, or GET URL). */
export function persistedFetch(manifest: () => Promise<Manifest>, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const body = init?.body;
    if (body instanceof FormData) {
      // An upload (the GraphQL multipart request): the request is the `operations` field.
      const operations = body.get("operations");
      const request = typeof operations === "string" && operations.includes('"miss":true') ? parsed(operations) : undefined;
      const text = request && missedText(request, await manifest());
      if (request && text !== undefined) {
        const form = new FormData();
        for (const [name, value] of body.entries()) {
          form.append(name, name === "operations" ? JSON.stringify({ ...request, query: text }) : value);
        }
        return base(input, { ...init, body: form });
      }
    } else if (typeof body === "string" && body.includes('"miss":true')) {
      const request = parsed(body);
      const text = request && missedText(request, await manifest());
      if (request && text !== undefined) return base(input, { ...init, body: JSON.stringify({ ...request, query: text }) });
    } else if (typeof input === "string" && input.includes("miss")) {
      const url = new URL(input, "http://relative.invalid");
      const extensions = parsed(url.searchParams.get("extensions"));
      const request = extensions && { query: url.searchParams.get("query") ?? undefined, extensions: extensions as PersistedRequest["extensions"] };
      const text = request && missedText(request, await manifest());
      if (text !== undefined) {
        url.searchParams.set("query", text);
        const rewritten = url.origin === "http://relative.invalid" ? `${url.pathname}${url.search}` : url.toString();
        return base(rewritten, init);
      }
    }
    return base(input, init);
  };
}

/** The manifest of this build, loaded (a chunk of its own) only when the API first misses a hash. */
export async function loadManifest(): Promise<Manifest> {
  const module = await import("../gql/persisted-documents.json");
  return module.default as Manifest;
}

/** The text a document goes on the socket with: in production builds the manifest's (the API trusts exactly those
 * bytes), else `fallback`, the document as printed. */
export async function socketText(document: unknown, fallback: string, manifest: () => Promise<Manifest> = loadManifest): Promise<string> {
  const hash = documentHash(document);
  if (hash === undefined) return fallback;
  try {
    return (await manifest())[hash] ?? fallback;
  } catch {
    return fallback; // the manifest's chunk did not load: the printed text still works outside trusted-only mode
  }
}
