// How numbers, prices and times read on screen.
import type { GenerationMode } from "../gql/graphql";

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

export function formatCredits(n: number): string {
  return plural(n, "credit");
}

/** A signed ledger amount: `+20`, `−4`, `0`. */
export function formatSigned(n: number): string {
  if (n > 0) return `+${n.toLocaleString("en")}`;
  if (n < 0) return `\u2212${Math.abs(n).toLocaleString("en")}`;
  return "0";
}

export interface QuoteLike {
  totalImages: number;
  providerCalls: number;
  width: number;
  height: number;
  creditsPerImage: number;
  totalCredits: number;
  balance: number;
  covered: boolean;
}

/** The price line shown before submit, and whether the balance covers it. */
export function quoteSummary(quote: QuoteLike): { price: string; detail: string; covered: boolean } {
  const price = formatCredits(quote.totalCredits);
  const detail =
    `${plural(quote.totalImages, "image")} × ${formatCredits(quote.creditsPerImage)} at ${quote.width}×${quote.height}` +
    ` · balance ${formatCredits(quote.balance)}`;
  return { price, detail, covered: quote.covered };
}

/** An ETA for people: "under 5 s", "about 40 s", "about 3 min", "about 2 h". */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  if (seconds < 5) return "under 5 s";
  if (seconds < 90) return `about ${Math.round(seconds / 5) * 5} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  return `about ${Math.round(seconds / 3600)} h`;
}

/**
 * Seconds left until `etaAt` (the server's absolute estimate) as of `now` (ms since the epoch): the batch view counts
 * down with it between events. Falls back to `etaSeconds` when the event has no `etaAt`; never below zero.
 */
export function secondsUntil(etaAt: string | null | undefined, now: number, etaSeconds?: number | null): number | null {
  if (etaAt) {
    const at = Date.parse(etaAt);
    if (Number.isFinite(at)) return Math.max(0, (at - now) / 1000);
  }
  return etaSeconds ?? null;
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return "—";
  return `${Math.round(fraction * 100)}%`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString("en-GB", { dateStyle: "medium" });
}

const STATUS_WORDS: Record<string, string> = {
  QUEUED: "Queued",
  RUNNING: "Running",
  CANCEL_REQUESTED: "Cancelling",
  SUCCEEDED: "Succeeded",
  PARTIALLY_SUCCEEDED: "Partly succeeded",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
  PENDING: "Pending",
  IDLE: "Idle",
  PROCESSING: "Processing",
  COMPLETED: "Completed",
};

export function statusLabel(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

const MODE_WORDS: Record<string, string> = {
  TEXT_TO_IMAGE: "Text to image",
  EDIT: "Edit",
  MULTI_REFERENCE: "Multi-reference",
  SEQUENTIAL: "Consistent set",
  EDIT_SEQUENTIAL: "Edited set",
};

/** Every generation mode, in the order the filters and forms list them. */
export const GENERATION_MODES: readonly GenerationMode[] = ["TEXT_TO_IMAGE", "EDIT", "MULTI_REFERENCE", "SEQUENTIAL", "EDIT_SEQUENTIAL"];

export function modeLabel(mode: string): string {
  return MODE_WORDS[mode] ?? mode;
}
