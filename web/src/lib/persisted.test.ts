import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import manifest from "../gql/persisted-documents.json";
import * as documents from "../gql/graphql";
import { documentHash, missedText, persistedFetch, socketText, type Manifest } from "./persisted";

const trusted = manifest as Manifest;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the persisted documents manifest", () => {
  it("holds every operation of the app under the SHA-256 of its text", () => {
    const hashes = Object.values(documents)
      .map((value) => documentHash(value))
      .filter((hash): hash is string => hash !== undefined);
    expect(hashes.length).toBeGreaterThan(10);
    for (const hash of hashes) {
      const text = trusted[hash];
      expect(text, hash).toBeDefined();
      expect(sha256(text ?? "")).toBe(hash);
    }
  });

  it("asks for __typename in every selection set, as urql's document cache does for texts", () => {
    expect(trusted[documentHash(documents.MeDocument) ?? ""]).toContain("me { __typename");
  });
});

describe("persistedFetch", () => {
  const hash = documentHash(documents.MeDocument) ?? "";
  const text = trusted[hash] ?? "";
  const calls: { input: RequestInfo | URL; init: RequestInit | undefined }[] = [];
  const base = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ input, init });
    return Promise.resolve(new Response("{}"));
  }) as typeof fetch;
  const send = persistedFetch(() => Promise.resolve(trusted), base);

  it("sends the manifest's text when a missed hash is sent again (POST)", async () => {
    calls.length = 0;
    const body = JSON.stringify({
      query: "query Me { me { id } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: hash, miss: true } },
    });
    await send("/graphql", { method: "POST", body });
    const sent = JSON.parse(String(calls[0]?.init?.body)) as { query: string; extensions: unknown };
    expect(sent.query).toBe(text);
    expect(sent.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: hash, miss: true } });
  });

  it("sends the manifest's text in an upload's operations field, the files untouched", async () => {
    calls.length = 0;
    const form = new FormData();
    const operations = { query: "q", extensions: { persistedQuery: { version: 1, sha256Hash: hash, miss: true } } };
    form.append("operations", JSON.stringify(operations));
    form.append("map", '{"0":["variables.file"]}');
    form.append("0", new Blob(["png"]), "a.png");
    await send("/graphql", { method: "POST", body: form });
    const sent = calls[0]?.init?.body as FormData;
    expect(JSON.parse(String(sent.get("operations")))).toEqual({ ...operations, query: text });
    expect(sent.get("map")).toBe('{"0":["variables.file"]}');
    expect(await (sent.get("0") as Blob).text()).toBe("png");
  });

  it("sends the manifest's text in a GET URL too", async () => {
    calls.length = 0;
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash, miss: true } });
    const url = `/graphql?query=${encodeURIComponent("query Me { me { id } }")}&extensions=${encodeURIComponent(extensions)}`;
    await send(url, { method: "GET" });
    const sent = new URL(String(calls[0]?.input), "http://x");
    expect(sent.pathname).toBe("/graphql");
    expect(sent.searchParams.get("query")).toBe(text);
  });

  it("leaves hash-only requests and unknown hashes as they are", async () => {
    calls.length = 0;
    const hashOnly = JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    await send("/graphql", { method: "POST", body: hashOnly });
    expect(calls[0]?.init?.body).toBe(hashOnly);
    expect(
      missedText({ query: "q", extensions: { persistedQuery: { sha256Hash: "0".repeat(64), miss: true } } }, trusted),
    ).toBeUndefined();
  });
});

describe("socketText", () => {
  it("is the manifest's text for a generated document, else the printed one", async () => {
    const load = () => Promise.resolve(trusted);
    const hash = documentHash(documents.BalanceDocument) ?? "";
    expect(await socketText(documents.BalanceDocument, "printed", load)).toBe(trusted[hash]);
    expect(await socketText({ kind: "Document", definitions: [] }, "printed", load)).toBe("printed");
    expect(await socketText(documents.BalanceDocument, "printed", () => Promise.reject(new Error("offline")))).toBe("printed");
  });
});
