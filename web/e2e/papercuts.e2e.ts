// The papercuts a newcomer hit in the playground (issue 25), in Debian's Chromium against a real `playground serve`:
// a favicon, the ledger readable at phone width, a pasted prompt over the limit kept whole with a message, and the
// reconnect banner naming the close code in words.
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Served } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WAIT = 30_000;

let server: Served;
let browser: Browser;
let page: Page;

function nav(name: string) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
}

/** Wait until the element with this test id reads `expected` (a condition the page reaches, not a timer). */
async function waitForText(testId: string, expected: RegExp): Promise<void> {
  await page.getByTestId(testId).waitFor({ timeout: WAIT });
  await page.waitForFunction(
    ([id, source, flags]) => new RegExp(source as string, flags as string).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""),
    [testId, expected.source, expected.flags],
    { timeout: WAIT },
  );
}

beforeAll(async () => {
  server = await startServer({ SIMULATOR_LATENCY_SECONDS: "1.5", PROVIDER_MAX_ATTEMPTS: "1", SIGNUP_CREDITS: "20", SHUTDOWN_GRACE_SECONDS: "0" });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe("papercuts", () => {
  it("has a favicon the server serves", async () => {
    await page.goto(server.url);
    const href = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(href).toBeTruthy();
    const icon = await fetch(new URL(href!, server.url));
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toMatch(/^<svg[\s>]/);
  });

  it("signs in and creates a project", async () => {
    await page.waitForURL(/\/signin$/);
    await page.getByLabel("User name").fill("e2e-papercuts");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Projects" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Papercuts");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByRole("list", { name: "Your projects" }).getByRole("link", { name: "Papercuts" }).waitFor();
  });

  it("reflows the ledger at phone width: every cell inside the screen, each named by its column", async () => {
    await nav("Credits").click();
    await waitForText("ledger-balance", /20 credits/);
    await page.setViewportSize(PHONE);
    const layout = await page.getByTestId("ledger").evaluate((table) => {
      const wrap = table.closest(".table-wrap") as HTMLElement;
      const cells = Array.from(table.querySelectorAll("tbody td")).filter((td) => getComputedStyle(td).display !== "none");
      return {
        scrolls: wrap.scrollWidth > wrap.clientWidth,
        outside: cells.filter((td) => {
          const box = td.getBoundingClientRect();
          return box.left < 0 || box.right > window.innerWidth;
        }).length,
        labels: cells.map((td) => getComputedStyle(td, "::before").content),
      };
    });
    await page.setViewportSize(DESKTOP);
    expect(layout.scrolls).toBe(false);
    expect(layout.outside).toBe(0);
    expect(layout.labels).toEqual(expect.arrayContaining(['"When"', '"What"', '"Amount"', '"Balance"']));
  });

  it("keeps a pasted prompt over the limit whole and says by how much to shorten it", async () => {
    await nav("Generate").click();
    await page.getByRole("heading", { name: "Generate" }).waitFor();
    const prompt = page.getByLabel("Prompt", { exact: true });
    const hint = (await prompt.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby")!.split(" ")[0]!)?.textContent)) ?? "";
    const limit = Number(/\/ (\d+) characters/.exec(hint)?.[1]);
    expect(limit).toBeGreaterThan(0);
    const pasted = "a quiet harbour at dawn, ".repeat(Math.ceil((limit + 40) / 25)).slice(0, limit + 40);
    await prompt.focus();
    await page.keyboard.insertText(pasted); // what a paste does: the browser's own text insertion
    expect(await prompt.inputValue()).toBe(pasted);
    const error = page.locator(".field-invalid .field-error", { hasText: "Shorten it by 40 characters" });
    await error.waitFor({ timeout: WAIT });
    expect(await error.textContent()).toBe(`This prompt is ${limit + 40} characters; the limit is ${limit}. Shorten it by 40 characters (nothing was cut).`);
    await prompt.fill("a lighthouse in fog [[delay:3]]");
    await expect(page.locator(".field-invalid .field-error", { hasText: "Shorten it" }).count()).resolves.toBe(0);
  });

  it("names the close code in words in the reconnect banner", async () => {
    await page.getByTestId("price").waitFor({ timeout: WAIT });
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await page.waitForURL(/\/batches\/[^/]+$/, { timeout: WAIT });
    await page.locator(".progress-head .badge", { hasText: "Running" }).waitFor({ timeout: WAIT });
    await server.stop(); // SIGTERM: the API closes its sockets (1012) before it exits
    await waitForText("connection", /Connection lost: /);
    const banner = (await page.getByTestId("connection").textContent()) ?? "";
    expect(banner).toMatch(/^Connection lost: [a-z][a-z ,;]+ \(code \d{4}\); reconnecting…$/);
    expect(banner).not.toMatch(/closed with code|connection closed \(/);
    await server.restart();
    await waitForText("connection", /Finished|Live/);
  });
});
