import { MS_BUCKETS } from "../../metrics/buckets.js";
import { histogramQuantile } from "../../overview/histogram-quantile.js";
import type { Store } from "../../store/store.js";
import type { WeekPeriod } from "../iso-week.js";

const HOUR_MS = 3_600_000;
const STAGE_ORDER = ["total", "parse", "llm_call", "validate", "ml_classify", "decide", "recommend"];

interface Buckets {
  count: number;
  sum: number;
  buckets: number[];
}

/** Percentiles interpolated in the ms buckets, as Prometheus' histogram_quantile; null without observations. */
export interface LatencySummary {
  count: number;
  mean_ms: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  /** True when a percentile fell past the last bucket (30 s): the value shown is that bound. */
  beyond_last_bucket: boolean;
}

export interface LatencyFacts {
  total: LatencySummary;
  stages: (LatencySummary & { stage: string })[];
  perDay: LatencySummary[];
}

const empty = (): Buckets => ({ count: 0, sum: 0, buckets: [] });
const round3 = (x: number) => Math.round(x * 1000) / 1000;

function merge(into: Buckets, row: Buckets): void {
  into.count += row.count;
  into.sum += row.sum;
  row.buckets.forEach((n, i) => {
    into.buckets[i] = (into.buckets[i] ?? 0) + n;
  });
}

export function summarise(b: Buckets): LatencySummary {
  if (b.count === 0) return { count: 0, mean_ms: null, p50_ms: null, p95_ms: null, p99_ms: null, beyond_last_bucket: false };
  const q = (p: number) => histogramQuantile(p, MS_BUCKETS, b.buckets);
  const [p50, p95, p99] = [q(0.5), q(0.95), q(0.99)];
  return {
    count: b.count,
    mean_ms: round3(b.sum / b.count),
    p50_ms: round3(p50.value),
    p95_ms: round3(p95.value),
    p99_ms: round3(p99.value),
    beyond_last_bucket: p50.beyond || p95.beyond || p99.beyond,
  };
}

/**
 * Query processing time over the week's hourly rollups (moodfood_query_processing_time_ms), overall
 * (stage "total"), per stage, and per day. A day's hours are those from the clock hour holding its first instant.
 */
export async function readLatency(store: Store, period: WeekPeriod): Promise<LatencyFacts> {
  const hours = period.bounds.map((b) => Math.floor(b / HOUR_MS));
  const stages = new Map<string, Buckets>();
  const perDay = Array.from({ length: 7 }, empty);
  const rows = await store.report.histogramHours("moodfood_query_processing_time_ms", hours[0] as number, hours[7] as number);
  for (const row of rows) {
    const stage = row.labels.stage ?? "unknown";
    if (!stages.has(stage)) stages.set(stage, empty());
    merge(stages.get(stage) as Buckets, row);
    if (stage !== "total") continue;
    let day = 0;
    while (day < 6 && row.hour >= (hours[day + 1] as number)) day++;
    merge(perDay[day] as Buckets, row);
  }
  const rank = (s: string) => (STAGE_ORDER.includes(s) ? STAGE_ORDER.indexOf(s) : STAGE_ORDER.length);
  return {
    total: summarise(stages.get("total") ?? empty()),
    stages: [...stages]
      .filter(([stage]) => stage !== "total")
      .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
      .map(([stage, b]) => ({ stage, ...summarise(b) })),
    perDay: perDay.map(summarise),
  };
}
