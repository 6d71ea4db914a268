// The production build against an API that runs only its trusted documents: `playground serve` with
// GRAPHQL_TRUSTED_DOCUMENTS=web/dist/persisted-documents.json (what `npm run build` ships) and
// GRAPHQL_TRUSTED_DOCUMENTS_ONLY=true. The app works, sending hashes only (queries over GET); a document of anyone
// else's is refused. (playground.e2e.ts drives the same build against automatic persisted queries: there every
// first request of an operation misses and is sent again with the manifest's text.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Served } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const MANIFEST = join(import.meta.dirname, "..", "dist", "persisted-documents.json");
const WAIT = 30_000;
const TOKEN_KEY = "playground.token";

let server: Served;
let browser: Browser;
let page: Page;
const sent: { method: string; query: boolean; hash: boolean }[] = [];
const failed: string[] = [];
const socketErrors: string[] = [];

/** Wait until the element with this test id reads `expected` (a condition the page reaches, not a timer). */
async function waitForText(testId: string, expected: RegExp): Promise<void> {
  await page.getByTestId(testId).waitFor({ timeout: WAIT });
  await page.waitForFunction(
    ([id, source]) => new RegExp(source as string).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""),
    [testId, expected.source],
    { timeout: WAIT },
  );
}

beforeAll(async () => {
  server = await startServer({
    GRAPHQL_TRUSTED_DOCUMENTS: MANIFEST,
    GRAPHQL_TRUSTED_DOCUMENTS_ONLY: "true",
    SIMULATOR_LATENCY_SECONDS: "0.2",
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  page = await (await browser.newContext()).newPage();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname !== "/graphql") return;
    const body = request.method() === "POST" ? (request.postData() ?? "") : "";
    const query = url.searchParams.has("query") || body.includes('"query"');
    const hash = (url.searchParams.get("extensions") ?? body).includes("sha256Hash");
    sent.push({ method: request.method(), query, hash });
  });
  page.on("websocket", (socket) => {
    socket.on("framereceived", ({ payload }) => {
      const text = typeof payload === "string" ? payload : payload.toString();
      if (text.includes('"type":"error"')) socketErrors.push(text);
    });
  });
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/graphql" && response.status() !== 200) failed.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe("the production build with trusted documents only", () => {
  it("signs in, lists and creates projects by hash alone", async () => {
    await page.goto(server.url);
    await page.waitForURL(/\/signin$/);
    await page.getByLabel("User name").fill("e2e-trusted");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Projects" }).waitFor({ timeout: WAIT });
    await page.getByText("No projects yet").waitFor({ timeout: WAIT });
    await page.getByLabel("Name", { exact: true }).fill("Trusted");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByRole("list", { name: "Your projects" }).getByRole("link", { name: "Trusted" }).waitFor({ timeout: WAIT });

    expect(failed).toEqual([]);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((request) => request.hash && !request.query)).toBe(true);
    expect(sent.some((request) => request.method === "GET")).toBe(true);
    expect(sent.some((request) => request.method === "POST")).toBe(true); // the mutation
  });

  it("generates an image and follows it over the socket, whose documents are the manifest's", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Generate", exact: true }).click();
    await page.getByRole("heading", { name: "Generate" }).waitFor({ timeout: WAIT });
    await page.getByLabel("Prompt", { exact: true }).fill("a trusted lighthouse");
    await waitForText("price", /\d+ credits?/);
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.waitForURL(/\/batches\/[^/]+$/, { timeout: WAIT });
    await waitForText("connection", /Finished/);
    await waitForText("progress-count", /(\d+) of \1/);
    expect(socketErrors).toEqual([]);
    expect(failed).toEqual([]);
  });

  it("refuses a document that is not in the build's manifest", async () => {
    const token = await page.evaluate((key) => localStorage.getItem(key) ?? "", TOKEN_KEY);
    expect(token).not.toBe("");
    const headers = { "Content-Type": "application/json", Authorization: `Bearer ${token}` };
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: "{ me { id credits } }" }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNTRUSTED_DOCUMENT");
    // The manifest's own text is trusted as sent.
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<string, string>;
    const me = Object.values(manifest).find((text) => text.startsWith("query Me {"));
    expect(me).toBeDefined();
    const ok = await fetch(`${server.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query: me }) });
    expect(ok.status).toBe(200);
    const data = (await ok.json()) as { data: { me: { credits: number } } };
    expect(data.data.me.credits).toBeGreaterThan(0);
  });
});
