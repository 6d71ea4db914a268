import { describe, expect, it } from "vitest";
import { bars, bucketStart, fillBuckets, forecastText, insightTitle, rangeFor } from "./analytics";

describe("analytics on screen", () => {
  it("asks for whole UTC days, today included", () => {
    expect(rangeFor("7d", new Date("2026-11-25T16:30:00Z"))).toEqual({ from: "2026-11-19T00:00:00.000Z", to: "2026-11-26T00:00:00.000Z" });
  });

  it("starts weeks on Monday like the API", () => {
    expect(new Date(bucketStart(Date.parse("2026-11-25T10:00:00Z"), "WEEK")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(new Date(bucketStart(Date.parse("2026-11-23T10:15:00Z"), "HOUR")).toISOString()).toBe("2026-11-23T10:00:00.000Z");
  });

  it("fills the buckets the API leaves out with zeros", () => {
    const filled = fillBuckets([{ start: "2026-11-24T00:00:00Z", value: 6 }], { from: "2026-11-22T00:00:00Z", to: "2026-11-26T00:00:00Z" }, "DAY");
    expect(filled.map((b) => b.value)).toEqual([0, 0, 6, 0]);
    expect(filled[0]?.start).toBe("2026-11-22T00:00:00.000Z");
  });

  it("scales bars to the highest value and draws an empty series flat", () => {
    const drawn = bars(
      [
        { start: "2026-11-24T00:00:00Z", value: 2 },
        { start: "2026-11-25T00:00:00Z", value: 8 },
      ],
      "DAY",
    );
    expect(drawn.map((b) => b.height)).toEqual([0.25, 1]);
    expect(drawn[0]?.label).toBe("24 Nov");
    expect(bars([{ start: "2026-11-24T00:00:00Z", value: 0 }], "DAY")[0]?.height).toBe(0);
  });

  it("puts the forecast in words", () => {
    expect(forecastText({ dailyBurn: 0, balance: 40 })).toMatch(/last indefinitely/);
    expect(forecastText({ dailyBurn: 2.5, balance: 40, runsOutOn: "2026-12-11", runsOutEarly: "2026-12-09", runsOutLate: "2026-12-15" })).toBe(
      "At about 2.5 credits a day, your 40 credits run out around 2026-12-11 (likely between 2026-12-09 and 2026-12-15).",
    );
    expect(forecastText({ dailyBurn: 2.5, balance: 40, runsOutOn: "2026-12-11", runsOutEarly: "2026-12-09", runsOutLate: null })).toMatch(/and much later/);
    expect(insightTitle("COSTLY_TIER")).toBe("A costly size tier:");
    expect(insightTitle("SOMETHING_NEW")).toBe("Insight:");
    expect(forecastText({ dailyBurn: 2.5, balance: 40, runsOutOn: "2026-12-11" })).toBe("At about 2.5 credits a day, your 40 credits run out around 2026-12-11.");
  });
});
