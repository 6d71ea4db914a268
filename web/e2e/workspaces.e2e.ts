// Workspaces in two browsers at once (issue 22), in Debian's Chromium against a real `playground serve`: Alice makes
// a team workspace and an invitation link, Bob opens it in his own browser context (signing in first) and joins as
// an editor, Alice sees him among the members and removes him, and Bob's switcher no longer lists the workspace.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Served } from "./server";

const SHOTS = join(import.meta.dirname, "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WAIT = 30_000;
const TEAM = "Rocket Team";

let server: Served;
let browser: Browser;
let alice: Page;
let bob: Page;
let link = "";

function nav(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(SHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/** Wait until the element with this test id reads `expected` (a condition the page reaches, not a timer). */
async function waitForText(page: Page, testId: string, expected: RegExp): Promise<void> {
  await page.getByTestId(testId).first().waitFor({ timeout: WAIT });
  await page.waitForFunction(
    ([id, source, flags]) => new RegExp(source as string, flags as string).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""),
    [testId, expected.source, expected.flags],
    { timeout: WAIT },
  );
}

/** The labels of the switcher's options, once the list has loaded. */
async function switcherOptions(page: Page): Promise<string[]> {
  const switcher = page.getByTestId("workspace-switcher");
  await switcher.waitFor({ timeout: WAIT });
  return switcher.locator("option").allTextContents();
}

async function signIn(page: Page, subject: string, displayName: string): Promise<void> {
  await page.waitForURL(/\/signin$/, { timeout: WAIT });
  await page.getByLabel("User name").fill(subject);
  await page.getByLabel("Display name (optional)").fill(displayName);
  await page.getByRole("button", { name: "Sign in" }).click();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ SHUTDOWN_GRACE_SECONDS: "0" });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  // Two contexts: two people, each with their own storage (token, remembered workspace).
  alice = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  bob = await (await browser.newContext({ viewport: DESKTOP })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe("workspaces in two browsers", () => {
  it("starts in the personal workspace and creates a team one (refusals shown)", async () => {
    await alice.goto(server.url);
    await signIn(alice, "e2e-ws-alice", "Alice");
    await alice.getByRole("heading", { name: "Projects" }).waitFor({ timeout: WAIT });
    expect(await switcherOptions(alice)).toEqual([expect.stringMatching(/\(personal\)$/)]);

    await nav(alice, "Workspace").click();
    await waitForText(alice, "workspace-role", /^Owner$/);
    const form = alice.getByRole("form", { name: "New team workspace" });
    await form.getByRole("button", { name: "Create workspace" }).click();
    await form.getByRole("alert").first().waitFor({ timeout: WAIT });
    expect(await form.getByRole("alert").first().textContent()).toMatch(/\S/);

    await form.getByLabel("Workspace name").fill(TEAM);
    await form.getByRole("button", { name: "Create workspace" }).click();
    await waitForText(alice, "workspace-name", new RegExp(`^${TEAM}$`));
    expect(await switcherOptions(alice)).toEqual([expect.stringMatching(/\(personal\)$/), `${TEAM} (owner)`]);
    expect(await alice.getByTestId("workspace-switcher").inputValue()).toBe(await alice.getByTestId("workspace-switcher").locator("option").nth(1).getAttribute("value"));
  });

  it("makes an editor invitation link, shown once", async () => {
    const form = alice.getByRole("form", { name: "New invitation link" });
    await form.getByLabel("Role").selectOption("EDITOR");
    await form.getByRole("button", { name: "Create link" }).click();
    await waitForText(alice, "invitation-link", /\/join\/pwi_/);
    link = (await alice.getByTestId("invitation-link").textContent()) ?? "";
    expect(link.startsWith(`${server.url}/join/`)).toBe(true);
    await waitForText(alice, "workspace-invitations", /Open until/);
    await shot(alice, "30-workspace-owner");
  });

  it("lets Bob join with the link in his own browser, after signing in", async () => {
    await bob.goto(link);
    await signIn(bob, "e2e-ws-bob", "Bob");
    await waitForText(bob, "joined", new RegExp(`You joined “${TEAM}”`));
    await waitForText(bob, "workspace-name", new RegExp(`^${TEAM}$`));
    await waitForText(bob, "workspace-role", /^Editor$/);
    expect(await switcherOptions(bob)).toEqual([expect.stringMatching(/\(personal\)$/), `${TEAM} (editor)`]);
    // An editor manages no one and sees no invitations.
    expect(await bob.getByRole("button", { name: /^Remove / }).count()).toBe(0);
    expect(await bob.getByRole("form", { name: "New invitation link" }).count()).toBe(0);
    await shot(bob, "31-workspace-editor");
  });

  it("refuses the same link a second time, in words", async () => {
    await bob.goto(link);
    await waitForText(bob, "join-refusal", /used already/);
  });

  it("revokes an open link, and the link then says so in words", async () => {
    const form = alice.getByRole("form", { name: "New invitation link" });
    await form.getByLabel("Role").selectOption("VIEWER");
    await form.getByRole("button", { name: "Create link" }).click();
    await alice.waitForFunction(
      (old) => {
        const shown = document.querySelector('[data-testid="invitation-link"]')?.textContent ?? "";
        return shown.includes("/join/pwi_") && shown !== old;
      },
      link,
      { timeout: WAIT },
    );
    const revoked = (await alice.getByTestId("invitation-link").textContent()) ?? "";
    alice.once("dialog", (dialog) => void dialog.accept());
    await alice.getByRole("button", { name: /^Revoke the viewer invitation/ }).click();
    await alice.getByRole("button", { name: /^Revoke the viewer invitation/ }).waitFor({ state: "detached", timeout: WAIT });
    await waitForText(alice, "workspace-invitations", /Revoked/);

    await bob.goto(revoked);
    await waitForText(bob, "join-refusal", /revoked/);
    expect(await switcherOptions(bob)).toEqual([expect.stringMatching(/\(personal\)$/), `${TEAM} (editor)`]);
  });

  it("shows Bob among Alice's members, and remembers her choice over a reload", async () => {
    await alice.reload();
    await waitForText(alice, "workspace-name", new RegExp(`^${TEAM}$`));
    await waitForText(alice, "workspace-members", /Bob/);
    await waitForText(alice, "workspace-invitations", /Used by Bob/);
  });

  it("removes Bob, and his switcher no longer lists the workspace after a reload", async () => {
    alice.once("dialog", (dialog) => void dialog.accept());
    await alice.getByRole("button", { name: "Remove Bob" }).click();
    await alice.getByRole("button", { name: "Remove Bob" }).waitFor({ state: "detached", timeout: WAIT });
    expect(await alice.getByTestId("workspace-members").textContent()).not.toMatch(/Bob/);

    await bob.goto(`${server.url}/workspace`);
    await waitForText(bob, "workspace-role", /^Owner$/);
    expect(await switcherOptions(bob)).toEqual([expect.stringMatching(/\(personal\)$/)]);
    expect(await bob.getByTestId("workspace-name").textContent()).not.toBe(TEAM);
  });
});
