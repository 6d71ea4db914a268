import { describe, expect, it } from "vitest";
import { applyEvent, emptyProgress, followBatch, hasGap, reconnectDelay, withImages, type ProgressEventLike, type Sink, type Timer } from "./progress";

function event(seq: number, extra: Partial<ProgressEventLike> = {}): ProgressEventLike {
  return {
    seq,
    status: "RUNNING",
    terminal: false,
    total: 4,
    completed: 0,
    failed: 0,
    cancelled: 0,
    fraction: 0,
    creditsHeld: 4,
    creditsCaptured: 0,
    creditsRefunded: 0,
    ...extra,
  };
}

const image = (batchIndex: number) => ({ imageEditId: `i${batchIndex}`, batchIndex, url: `/media/${batchIndex}.png`, width: 8, height: 8 });

describe("the progress reducer", () => {
  it("shows the images a resume replayed, and every image a snapshot lists", () => {
    let state = applyEvent(emptyProgress, event(2, { completed: 1, image: image(0) }));
    state = applyEvent(state, event(3, { kind: "REPLAY", completed: 2, image: image(1) }));
    expect(Object.keys(state.images)).toEqual(["0", "1"]);
    state = applyEvent(state, event(6, { kind: "SNAPSHOT", completed: 4, images: [image(0), image(1), image(2), image(3)] }));
    expect(Object.keys(state.images)).toEqual(["0", "1", "2", "3"]);
    expect(state.images[2]?.url).toBe("/media/2.png");
  });

  it("keeps each landed image and ignores repeated seqs", () => {
    let state = applyEvent(emptyProgress, event(1));
    state = applyEvent(state, event(2, { completed: 1, image: image(0) }));
    state = applyEvent(state, event(2, { completed: 9 })); // a resubscription's snapshot: already seen
    state = applyEvent(state, event(3, { completed: 2, image: image(3) }));
    expect(state.seq).toBe(3);
    expect(state.event?.completed).toBe(2);
    expect(Object.keys(state.images)).toEqual(["0", "3"]);
  });

  it("merges images read from the batch, skipping those without a url", () => {
    const state = withImages(emptyProgress, [
      { imageEditId: "a", batchIndex: 0, url: "/media/a.png", width: 1, height: 1 },
      { imageEditId: "b", batchIndex: 1, url: null, width: null, height: null },
    ]);
    expect(Object.keys(state.images)).toEqual(["0"]);
  });

  it("notices gaps and backs off", () => {
    expect(hasGap(-1, event(5))).toBe(false);
    expect(hasGap(4, event(5))).toBe(false);
    expect(hasGap(4, event(7))).toBe(true);
    expect([0, 1, 2, 3, 4, 10].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });
});

/** A transport whose subscriptions the test drives, and a timer it fires by hand. */
function harness() {
  const calls: { afterSeq: number | null; sink: Sink<ProgressEventLike>; closed: boolean }[] = [];
  const timers: { cb: () => void; ms: number; cleared: boolean }[] = [];
  const timer: Timer = {
    set: (cb, ms) => {
      const t = { cb, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clear: (t) => {
      (t as { cleared: boolean }).cleared = true;
    },
  };
  const log: string[] = [];
  const seen: number[] = [];
  let gaps = 0;
  const stop = followBatch(
    (afterSeq, sink) => {
      const call = { afterSeq, sink, closed: false };
      calls.push(call);
      return () => {
        call.closed = true;
      };
    },
    {
      onEvent: (e) => seen.push(e.seq),
      onConnection: (state) => log.push(state),
      onGap: () => (gaps += 1),
      isFatal: (error) => error === "fatal",
    },
    timer,
  );
  return { calls, timers, log, seen, stop, gaps: () => gaps };
}

describe("following a batch", () => {
  it("resubscribes with afterSeq after a drop and reports a gap", () => {
    const h = harness();
    expect(h.calls[0]?.afterSeq).toBeNull();
    h.calls[0]!.sink.next(event(1));
    h.calls[0]!.sink.next(event(2));
    h.calls[0]!.sink.error({ code: 1006 });
    expect(h.log.at(-1)).toBe("reconnecting");
    expect(h.timers[0]?.ms).toBe(500);
    h.timers[0]!.cb();
    expect(h.calls[1]?.afterSeq).toBe(2);
    h.calls[1]!.sink.next(event(5, { completed: 3 }));
    expect(h.gaps()).toBe(1);
    h.calls[1]!.sink.next(event(6, { terminal: true, status: "SUCCEEDED" }));
    expect(h.seen).toEqual([1, 2, 5, 6]);
    expect(h.log.at(-1)).toBe("ended");
  });

  it("treats an early completion as a drop, and no gap when nothing was missed", () => {
    const h = harness();
    h.calls[0]!.sink.next(event(3));
    h.calls[0]!.sink.complete();
    h.timers[0]!.cb();
    expect(h.calls[1]?.afterSeq).toBe(3);
    h.calls[1]!.sink.next(event(4));
    expect(h.gaps()).toBe(0);
  });

  it("grows the delay while reconnects fail and resets it once events flow", () => {
    const h = harness();
    h.calls[0]!.sink.error(new Error("down"));
    h.timers[0]!.cb();
    h.calls[1]!.sink.error(new Error("still down"));
    expect(h.timers[1]?.ms).toBe(1000);
    h.timers[1]!.cb();
    h.calls[2]!.sink.next(event(1));
    h.calls[2]!.sink.error(new Error("again"));
    expect(h.timers[2]?.ms).toBe(500);
  });

  it("stops for good on a fatal error and on stop()", () => {
    const h = harness();
    h.calls[0]!.sink.error("fatal");
    expect(h.log.at(-1)).toBe("failed");
    expect(h.timers).toHaveLength(0);

    const g = harness();
    g.calls[0]!.sink.error(new Error("down"));
    g.stop();
    expect(g.timers[0]?.cleared).toBe(true);
    expect(g.calls[0]?.closed).toBe(false); // the dropped one was already gone
    expect(g.calls).toHaveLength(1);
  });
});
