// Live batch progress: a reducer over `batchProgress` events, and a follower that resubscribes with `afterSeq`
// after a dropped connection, so nothing is shown twice and a gap is noticed (then the batch is re-read).
import { describeClose } from "./closeCodes";

export interface ProgressEventLike {
  seq: number;
  status: string;
  terminal: boolean;
  total: number;
  completed: number;
  failed: number;
  cancelled: number;
  fraction: number;
  queuePosition?: number | null;
  etaSeconds?: number | null;
  creditsHeld: number;
  creditsCaptured: number;
  creditsRefunded: number;
  image?: ImageLike | null;
  /** SNAPSHOT (read from the database), EVENT (live) or REPLAY (missed while away, replayed after `afterSeq`). */
  kind?: string;
  /** On a SNAPSHOT: every image delivered so far. */
  images?: readonly ImageLike[] | null;
  etaAt?: string | null;
}

type ImageLike = { imageEditId: string; batchIndex: number; url?: string | null; width?: number | null; height?: number | null };

function landed(image: ImageLike): LandedImage {
  return {
    imageEditId: image.imageEditId,
    batchIndex: image.batchIndex,
    url: image.url ?? null,
    width: image.width ?? null,
    height: image.height ?? null,
  };
}

export interface LandedImage {
  imageEditId: string;
  batchIndex: number;
  url: string | null;
  width: number | null;
  height: number | null;
}

export interface ProgressState {
  /** The last event applied; -1 before any. */
  seq: number;
  event: ProgressEventLike | null;
  /** Delivered images by batch index. */
  images: Record<number, LandedImage>;
}

export const emptyProgress: ProgressState = { seq: -1, event: null, images: {} };

/** Apply one event. Events at or below the last seq are repeats (a resubscription's snapshot) and are ignored. */
export function applyEvent(state: ProgressState, event: ProgressEventLike): ProgressState {
  if (event.seq <= state.seq) return state;
  // A replayed event carries its image like a live one; a snapshot lists every image delivered so far.
  const carried = [...(event.images ?? []), ...(event.image ? [event.image] : [])];
  const images = carried.length ? { ...state.images, ...Object.fromEntries(carried.map((i) => [i.batchIndex, landed(i)])) } : state.images;
  return { seq: event.seq, event, images };
}

/** Merge images read from the batch itself (after a gap, or at the start). */
export function withImages(state: ProgressState, images: readonly LandedImage[]): ProgressState {
  const merged = { ...state.images };
  for (const image of images) if (image.url) merged[image.batchIndex] = image;
  return { ...state, images: merged };
}

/** Whether events were missed: the first event after a resubscription skips seqs (images may have landed). */
export function hasGap(lastSeq: number, event: ProgressEventLike): boolean {
  return lastSeq >= 0 && event.seq > lastSeq + 1;
}

/** Delay before the n-th reconnect attempt (0-based): 0.5 s, 1 s, 2 s, 4 s, then 8 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(8000, 500 * 2 ** attempt);
}

export type ConnectionState = "connecting" | "live" | "reconnecting" | "ended" | "failed";

export interface Sink<T> {
  next(value: T): void;
  error(error: unknown): void;
  complete(): void;
}

/** Subscribe to `batchProgress` (with `afterSeq` when resuming); returns a function that unsubscribes. */
export type ProgressTransport = (afterSeq: number | null, sink: Sink<ProgressEventLike>) => () => void;

export interface FollowerCallbacks {
  onEvent(event: ProgressEventLike): void;
  onConnection(state: ConnectionState, detail?: string): void;
  /** Events were missed while reconnecting: re-read what they carried. */
  onGap(): void;
  /** Whether an error ends following for good (e.g. the token expired); default: retry everything. */
  isFatal?(error: unknown): boolean;
}

export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: Timer = { set: (cb, ms) => setTimeout(cb, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * Follow one batch until its terminal event. A drop (error, or a completion before the terminal event) leads to a
 * new subscription with `afterSeq` = the last seq seen, after a growing delay; the reconnect count resets once an
 * event arrives.
 */
export function followBatch(transport: ProgressTransport, callbacks: FollowerCallbacks, timer: Timer = realTimer): () => void {
  let lastSeq = -1;
  let attempt = 0;
  let stopped = false;
  let ended = false;
  let resumed = false;
  let unsubscribe: (() => void) | null = null;
  let pending: unknown = null;

  const retry = (detail: string) => {
    if (stopped || ended) return;
    unsubscribe = null;
    callbacks.onConnection("reconnecting", detail);
    pending = timer.set(() => {
      pending = null;
      start();
    }, reconnectDelay(attempt));
    attempt += 1;
  };

  const start = () => {
    if (stopped) return;
    if (!resumed) callbacks.onConnection("connecting");
    const afterSeq = lastSeq >= 0 ? lastSeq : null;
    let first = true;
    unsubscribe = transport(afterSeq, {
      next(event) {
        if (stopped) return;
        attempt = 0;
        callbacks.onConnection("live");
        if (first && resumed && hasGap(lastSeq, event)) callbacks.onGap();
        first = false;
        if (event.seq > lastSeq) {
          lastSeq = event.seq;
          callbacks.onEvent(event);
        }
        if (event.terminal) {
          ended = true;
          callbacks.onConnection("ended");
        }
      },
      error(error) {
        if (stopped || ended) return;
        if (callbacks.isFatal?.(error)) {
          callbacks.onConnection("failed", describe(error));
          return;
        }
        resumed = true;
        retry(describe(error));
      },
      complete() {
        if (stopped || ended) return;
        resumed = true;
        retry("the stream ended early");
      },
    });
  };

  start();
  return () => {
    stopped = true;
    if (pending !== null) timer.clear(pending);
    unsubscribe?.();
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  const closed = describeClose(error);
  if (closed) return closed;
  if (Array.isArray(error) && error[0] && typeof error[0] === "object" && "message" in error[0]) return String(error[0].message);
  return "connection lost";
}
