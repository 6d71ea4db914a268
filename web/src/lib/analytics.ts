// Usage analytics on screen: the range asked for, and the chart's bars.

export type RangeKey = "7d" | "30d" | "90d";

export const RANGES: { key: RangeKey; label: string; days: number; granularity: "HOUR" | "DAY" | "WEEK" }[] = [
  { key: "7d", label: "Last 7 days", days: 7, granularity: "DAY" },
  { key: "30d", label: "Last 30 days", days: 30, granularity: "DAY" },
  { key: "90d", label: "Last 90 days", days: 90, granularity: "WEEK" },
];

/** From the start of the UTC day `days - 1` days ago to the start of tomorrow (UTC): whole buckets, today included. */
export function rangeFor(key: RangeKey, now: Date = new Date()): { from: string; to: string } {
  const days = RANGES.find((r) => r.key === key)?.days ?? 30;
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const from = tomorrow - days * 86_400_000;
  return { from: new Date(from).toISOString(), to: new Date(tomorrow).toISOString() };
}

const STEP_MS: Record<string, number> = { HOUR: 3_600_000, DAY: 86_400_000, WEEK: 7 * 86_400_000 };

/** The start of the bucket holding `ms` (UTC; weeks start on Monday, as the API's do). */
export function bucketStart(ms: number, granularity: string): number {
  const date = new Date(ms);
  if (granularity === "HOUR") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours());
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (granularity === "WEEK") return day - ((date.getUTCDay() + 6) % 7) * 86_400_000;
  return day;
}

/** The API lists only buckets with usage; the chart shows every bucket of the range, empty ones as zero. */
export function fillBuckets(
  series: readonly { start: string; value: number }[],
  range: { from: string; to: string },
  granularity: string,
): { start: string; value: number }[] {
  const step = STEP_MS[granularity] ?? STEP_MS.DAY!;
  const values = new Map(series.map((s) => [bucketStart(Date.parse(s.start), granularity), s.value]));
  const out: { start: string; value: number }[] = [];
  const end = Date.parse(range.to);
  for (let t = bucketStart(Date.parse(range.from), granularity); t < end && out.length < 1000; t += step)
    out.push({ start: new Date(t).toISOString(), value: values.get(t) ?? 0 });
  return out;
}

export interface Bar {
  label: string;
  value: number;
  /** 0..1 of the chart's height. */
  height: number;
}

/** Bars for the chart, scaled to the largest value (an all-zero series draws flat bars). */
export function bars(series: readonly { start: string; value: number }[], granularity: string): Bar[] {
  const max = Math.max(0, ...series.map((s) => s.value));
  return series.map((s) => ({
    label: bucketLabel(s.start, granularity),
    value: s.value,
    height: max > 0 ? s.value / max : 0,
  }));
}

export function bucketLabel(iso: string, granularity: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (granularity === "HOUR") return `${date.getUTCHours().toString().padStart(2, "0")}:00`;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** The forecast in a sentence, with its range when it has one. */
export function forecastText(forecast: {
  dailyBurn: number;
  balance: number;
  runsOutOn?: string | null;
  runsOutEarly?: string | null;
  runsOutLate?: string | null;
}): string {
  if (forecast.dailyBurn <= 0 && !forecast.runsOutOn) return `No credits spent lately: your ${forecast.balance} credits last indefinitely.`;
  const burn = forecast.dailyBurn.toFixed(forecast.dailyBurn < 10 ? 1 : 0);
  if (!forecast.runsOutOn) return `You spend about ${burn} credits a day.`;
  const sentence = `At about ${burn} credits a day, your ${forecast.balance} credits run out around ${forecast.runsOutOn}`;
  // Older servers send no range: undefined reads as the expected day; null (late) means "not within ten years".
  const early = forecast.runsOutEarly ?? forecast.runsOutOn;
  const late = forecast.runsOutLate === undefined ? forecast.runsOutOn : forecast.runsOutLate;
  if (early === forecast.runsOutOn && late === forecast.runsOutOn) return `${sentence}.`;
  return `${sentence} (likely between ${early} and ${late ?? "much later"}).`;
}

const INSIGHT_TITLES: Record<string, string> = {
  LOW_SUCCESS_PRESET: "A preset that often fails:",
  LOW_SUCCESS_MODE: "A mode that often fails:",
  CONTENT_POLICY_REFUNDS: "Refused on content policy:",
  COSTLY_TIER: "A costly size tier:",
};

/** A short heading for an insight kind. */
export function insightTitle(kind: string): string {
  return INSIGHT_TITLES[kind] ?? "Insight:";
}
