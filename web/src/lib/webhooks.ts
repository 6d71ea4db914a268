// Pure helpers of the webhook endpoints settings: the events an endpoint may subscribe to, and how a delivery's
// state and its attempts read in the delivery log.

export const WEBHOOK_EVENTS = [
  "batch.queued",
  "batch.started",
  "batch.image_delivered",
  "batch.image_failed",
  "batch.succeeded",
  "batch.partially_succeeded",
  "batch.failed",
  "batch.cancelled",
  "credits.balance_low",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The events a new endpoint starts with: a batch's outcome. */
export const DEFAULT_EVENTS: WebhookEvent[] = ["batch.succeeded", "batch.partially_succeeded", "batch.failed", "batch.cancelled"];

export interface AttemptLike {
  statusCode?: number | null;
  latencyMs?: number | null;
  error?: string | null;
  nextRetryAt?: string | null;
}

/** "204 in 35 ms", "timeout (no answer)", "500 in 12 ms: nope": what one attempt came to. */
export function attemptOutcome(attempt: AttemptLike): string {
  const code = attempt.statusCode != null ? String(attempt.statusCode) : "no answer";
  const latency = attempt.latencyMs != null ? ` in ${attempt.latencyMs} ms` : "";
  return attempt.error ? `${code}${latency}: ${attempt.error}` : `${code}${latency}`;
}

/** The delivery's next step for the log: "Delivered", "Gave up", or "Next try <when>" (pending). */
export function deliveryNext(
  status: string,
  nextAttemptAt: string | null | undefined,
  format: (iso: string) => string,
): string {
  if (status === "SUCCEEDED") return "Delivered";
  if (status === "FAILED") return "Gave up";
  return nextAttemptAt ? `Next try ${format(nextAttemptAt)}` : "Waiting";
}

/** Toggle one event in a selection, keeping the order of WEBHOOK_EVENTS. */
export function toggleEvent(selected: readonly string[], event: string): string[] {
  const next = selected.includes(event) ? selected.filter((e) => e !== event) : [...selected, event];
  return WEBHOOK_EVENTS.filter((e) => next.includes(e));
}
