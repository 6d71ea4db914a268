import { describe, expect, it } from "vitest";
import { attemptOutcome, deliveryNext, toggleEvent, WEBHOOK_EVENTS } from "./webhooks";

const format = (iso: string) => `at ${iso}`;

describe("attemptOutcome", () => {
  it("reads a success with its latency", () => {
    expect(attemptOutcome({ statusCode: 204, latencyMs: 35 })).toBe("204 in 35 ms");
  });
  it("names the error of a failed attempt", () => {
    expect(attemptOutcome({ statusCode: 500, latencyMs: 12, error: "HTTP 500" })).toBe("500 in 12 ms: HTTP 500");
  });
  it("says when there was no answer", () => {
    expect(attemptOutcome({ statusCode: null, latencyMs: null, error: "timed out" })).toBe("no answer: timed out");
  });
});

describe("deliveryNext", () => {
  it("is final once delivered or given up", () => {
    expect(deliveryNext("SUCCEEDED", null, format)).toBe("Delivered");
    expect(deliveryNext("FAILED", null, format)).toBe("Gave up");
  });
  it("shows the next retry of a pending delivery", () => {
    expect(deliveryNext("PENDING", "2026-01-01T00:00:00Z", format)).toBe("Next try at 2026-01-01T00:00:00Z");
    expect(deliveryNext("PENDING", null, format)).toBe("Waiting");
  });
});

describe("toggleEvent", () => {
  it("adds and removes, in the canonical order", () => {
    expect(toggleEvent(["batch.failed"], "batch.queued")).toEqual(["batch.queued", "batch.failed"]);
    expect(toggleEvent(["batch.queued", "batch.failed"], "batch.queued")).toEqual(["batch.failed"]);
  });
  it("knows every subscribable event", () => {
    expect(WEBHOOK_EVENTS).toContain("credits.balance_low");
    expect(WEBHOOK_EVENTS).not.toContain("webhook.test");
  });
});
