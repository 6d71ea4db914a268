import { describe, expect, it } from "vitest";
import { followMyEvents, type MyEventLike } from "./myEvents";
import type { Sink, Timer } from "./progress";

type Event = MyEventLike & { name: string };

const event = (name: string, userSeq: number | null, kind = "EVENT"): Event => ({ __typename: "CreditBalanceEvent", name, userSeq, kind });

function harness() {
  const calls: { afterSeq: number | null; sink: Sink<Event>; closed: boolean }[] = [];
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
  const seen: string[] = [];
  const log: string[] = [];
  const stop = followMyEvents<Event>(
    (afterSeq, sink) => {
      const call = { afterSeq, sink, closed: false };
      calls.push(call);
      return () => {
        call.closed = true;
      };
    },
    { onEvent: (e) => seen.push(e.name), onConnection: (state) => log.push(state), isFatal: (error) => error === "fatal" },
    timer,
  );
  return { calls, timers, seen, log, stop };
}

describe("following myEvents", () => {
  it("resubscribes after a drop with afterSeq = the last userSeq seen, and leaves out repeats", () => {
    const h = harness();
    expect(h.calls.map((c) => c.afterSeq)).toEqual([null]);
    h.calls[0]!.sink.next(event("a", 4));
    h.calls[0]!.sink.next(event("b", 5));
    h.calls[0]!.sink.error(new Error("socket closed"));
    expect(h.log).toContain("reconnecting");
    expect(h.timers[0]!.ms).toBe(500);
    h.timers[0]!.cb();
    expect(h.calls.map((c) => c.afterSeq)).toEqual([null, 5]);
    h.calls[1]!.sink.next(event("b again", 5, "REPLAY"));
    h.calls[1]!.sink.next(event("c", 6, "REPLAY"));
    h.calls[1]!.sink.next(event("d", 7));
    expect(h.seen).toEqual(["a", "b", "c", "d"]);
  });

  it("passes a snapshot on and resumes from its number; an unnumbered event moves nothing", () => {
    const h = harness();
    h.calls[0]!.sink.next(event("a", 3));
    h.calls[0]!.sink.next(event("lost", null));
    h.calls[0]!.sink.complete();
    h.timers[0]!.cb();
    expect(h.calls[1]!.afterSeq).toBe(3);
    h.calls[1]!.sink.next(event("open batch", 9, "SNAPSHOT"));
    h.calls[1]!.sink.next(event("balance", 9, "SNAPSHOT"));
    h.calls[1]!.sink.error(new Error("dropped"));
    h.timers[1]!.cb();
    expect(h.calls[2]!.afterSeq).toBe(9);
    expect(h.seen).toEqual(["a", "lost", "open batch", "balance"]);
  });

  it("stops for good on a fatal error, and unsubscribes when stopped", () => {
    const h = harness();
    h.calls[0]!.sink.error("fatal");
    expect(h.log.at(-1)).toBe("failed");
    expect(h.timers).toEqual([]);
    const again = harness();
    again.stop();
    expect(again.calls[0]!.closed).toBe(true);
  });
});
