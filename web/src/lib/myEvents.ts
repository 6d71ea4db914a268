// `myEvents` for the whole session: a follower that resubscribes with `afterSeq` (the last `userSeq` seen) after a
// dropped connection, so the events missed meanwhile are replayed (kind REPLAY) or, when they cannot be, a snapshot
// of the open batches and the balance arrives (kind SNAPSHOT) and the caller re-reads what it shows.

import { reconnectDelay, type ConnectionState, type Sink, type Timer } from "./progress";

export interface MyEventLike {
  __typename: string;
  /** Your event number; null on an event that could not be numbered (a resume from before it gets a snapshot). */
  userSeq?: number | null;
  /** SNAPSHOT, EVENT or REPLAY. */
  kind?: string;
}

/** Subscribe to `myEvents` (with `afterSeq` when resuming); returns a function that unsubscribes. */
export type MyEventsTransport<E extends MyEventLike> = (afterSeq: number | null, sink: Sink<E>) => () => void;

export interface MyEventsCallbacks<E extends MyEventLike> {
  onEvent(event: E): void;
  onConnection?(state: ConnectionState, detail?: string): void;
  /** Whether an error ends following for good (e.g. the token expired); default: retry everything. */
  isFatal?(error: unknown): boolean;
}

const realTimer: Timer = { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * Follow `myEvents` until stopped. A drop (an error, or the stream completing) leads to a new subscription with
 * `afterSeq` = the last `userSeq` seen, after a growing delay (the count resets once an event arrives). Events
 * numbered at or below the last one are repeats and are left out; a snapshot is always passed on.
 */
export function followMyEvents<E extends MyEventLike>(
  transport: MyEventsTransport<E>,
  callbacks: MyEventsCallbacks<E>,
  timer: Timer = realTimer,
): () => void {
  let last: number | null = null;
  let attempt = 0;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  let pending: unknown = null;

  const retry = (detail: string) => {
    if (stopped) return;
    unsubscribe = null;
    callbacks.onConnection?.("reconnecting", detail);
    pending = timer.set(() => {
      pending = null;
      start();
    }, reconnectDelay(attempt));
    attempt += 1;
  };

  const start = () => {
    if (stopped) return;
    unsubscribe = transport(last, {
      next(event) {
        if (stopped) return;
        attempt = 0;
        callbacks.onConnection?.("live");
        const number = event.userSeq ?? null;
        if (number !== null) {
          if (last !== null && number <= last && event.kind !== "SNAPSHOT") return;
          last = number;
        }
        callbacks.onEvent(event);
      },
      error(error) {
        if (stopped) return;
        if (callbacks.isFatal?.(error)) {
          callbacks.onConnection?.("failed", error instanceof Error ? error.message : "connection closed");
          return;
        }
        retry(error instanceof Error ? error.message : "connection lost");
      },
      complete() {
        retry("the stream ended");
      },
    });
  };

  callbacks.onConnection?.("connecting");
  start();
  return () => {
    stopped = true;
    if (pending !== null) timer.clear(pending);
    unsubscribe?.();
  };
}
