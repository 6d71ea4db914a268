import { describe, expect, it } from "vitest";
import { closeCodeText, describeClose } from "./closeCodes";
import { followBatch, type ProgressEventLike, type Sink } from "./progress";

describe("close codes in words", () => {
  it("names the codes the API closes with", () => {
    expect(closeCodeText(1012)).toBe("the server is restarting (code 1012)");
    expect(closeCodeText(1001)).toBe("the server is going away (code 1001)");
    expect(closeCodeText(1013)).toMatch(/^the server is busy .* \(code 1013\)$/);
    expect(closeCodeText(4400)).toBe("the server could not read a message (code 4400)");
    expect(closeCodeText(4401)).toBe("the connection was not signed in (code 4401)");
    expect(closeCodeText(4403)).toBe("your session expired or is not allowed (code 4403)");
    expect(closeCodeText(4429)).toBe("too many connections or sign-in attempts (code 4429)");
    for (const code of [1000, 1006, 1009, 1011, 4406, 4408, 4409]) expect(closeCodeText(code)).not.toMatch(/^closed with code/);
  });

  it("adds the server's reason, and shows an unknown code as a number", () => {
    expect(closeCodeText(1013, "too slow: resume with afterSeq")).toBe(
      "the server is busy or this connection fell behind; trying again: too slow: resume with afterSeq (code 1013)",
    );
    expect(closeCodeText(4999)).toBe("closed with code 4999");
    expect(closeCodeText(4999, " odd ")).toBe("closed with code 4999: odd");
  });

  it("reads close events and nothing else", () => {
    expect(describeClose({ code: 4429, reason: "" })).toBe("too many connections or sign-in attempts (code 4429)");
    expect(describeClose({ code: "4429" })).toBeNull();
    expect(describeClose(new Error("x"))).toBeNull();
    expect(describeClose(null)).toBeNull();
  });

  it("is what the batch follower reports when its socket is closed", () => {
    const details: (string | undefined)[] = [];
    let sink: Sink<ProgressEventLike> | null = null;
    const stop = followBatch(
      (_afterSeq, s) => {
        sink = s;
        return () => undefined;
      },
      { onEvent: () => undefined, onConnection: (state, detail) => state === "reconnecting" && details.push(detail), onGap: () => undefined },
      { set: () => null, clear: () => undefined },
    );
    sink!.error({ code: 1012, reason: "" });
    expect(details).toEqual(["the server is restarting (code 1012)"]);
    stop();
  });
});
