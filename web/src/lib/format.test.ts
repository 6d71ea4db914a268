import { describe, expect, it } from "vitest";
import { formatCredits, formatEta, formatMs, formatPercent, formatSigned, modeLabel, quoteSummary, secondsUntil, statusLabel } from "./format";

describe("prices and numbers on screen", () => {
  it("says the price before submit and whether it is covered", () => {
    const quote = { totalImages: 4, providerCalls: 1, width: 2048, height: 2048, creditsPerImage: 1, totalCredits: 4, balance: 3, covered: false };
    expect(quoteSummary(quote)).toEqual({ price: "4 credits", detail: "4 images × 1 credit at 2048×2048 · balance 3 credits", covered: false });
    expect(formatCredits(1)).toBe("1 credit");
    expect(formatCredits(1200)).toBe("1,200 credits");
  });

  it("signs ledger amounts", () => {
    expect([formatSigned(20), formatSigned(-4), formatSigned(0)]).toEqual(["+20", "\u22124", "0"]);
  });

  it("rounds ETAs for people", () => {
    expect([formatEta(null), formatEta(3), formatEta(42), formatEta(600), formatEta(7200)]).toEqual(["—", "under 5 s", "about 40 s", "about 10 min", "about 2 h"]);
    expect(formatPercent(0.667)).toBe("67%");
    expect(formatMs(850)).toBe("850 ms");
    expect(formatMs(1850)).toBe("1.9 s");
  });

  it("names statuses and modes", () => {
    expect(statusLabel("PARTIALLY_SUCCEEDED")).toBe("Partly succeeded");
    expect(modeLabel("SEQUENTIAL")).toBe("Consistent set");
    expect(statusLabel("NEW_STATUS")).toBe("NEW_STATUS");
  });
});

describe("secondsUntil", () => {
  it("counts down to etaAt between events and never below zero", () => {
    const etaAt = "2026-12-05T12:00:48.000Z";
    const start = Date.parse("2026-12-05T12:00:00.000Z");
    expect(secondsUntil(etaAt, start, 48)).toBe(48);
    expect(secondsUntil(etaAt, start + 30_000, 48)).toBe(18);
    expect(secondsUntil(etaAt, start + 60_000, 48)).toBe(0);
    expect(secondsUntil(null, start, 12)).toBe(12);
    expect(secondsUntil(undefined, start)).toBeNull();
  });
});
