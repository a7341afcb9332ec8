import { MS_BUCKETS } from "../metrics/buckets.js";
import type { Store } from "../store/store.js";
import { effectiveStatus } from "../tracing/maintenance.js";
import type { DashboardSnapshot, FeedbackFacts, LatencyFacts, PanelWindow } from "./dashboard-snapshot.js";
import { histogramQuantile } from "./histogram-quantile.js";
import { panelWindow } from "./panel-window.js";
import { readCircuits, readDrift, readHealth, readModels } from "./read-panel-facts.js";

export interface SnapshotOptions {
  /** LLM models whose shared circuit breaker to show (the configured OpenAI-compatible one; none for `local`). */
  circuitModels?: readonly string[];
  /** How many of the newest traces the list holds (and the filter searches). */
  recentLimit?: number;
  /** Active traces older than this are shown as abandoned (TRACE_CLEANUP_HOURS). */
  traceCleanupHours?: number;
}

const MINUTE_MS = 60_000;

/**
 * One dashboard frame from one read transaction. Every read is an index range over the hourly
 * rollups, the last hour of trace start times, the window's feedback or the newest N traces:
 * never a scan of history (decision 0015).
 */
export function readDashboardSnapshot(store: Store, now: number, options: SnapshotOptions = {}): Promise<DashboardSnapshot> {
  const q = store.dashboard;
  // One read after another: a snapshot holds one connection, and a PostgreSQL one runs one statement at a time.
  return store.snapshot(async () => {
    const window = panelWindow(now, await q.latestHour("moodfood_queries_total"));
    return {
      at: now,
      window,
      health: await readHealth(store),
      models: await readModels(store),
      throughput: await throughput(store, window),
      queries: await queries(store, window),
      latency: await latency(store, window),
      llm: { ...(await llmCalls(store, window)), circuits: await readCircuits(store, options.circuitModels ?? [], now) },
      drift: await readDrift(store),
      feedback: await feedback(store, window),
      recent: (await q.recentTraces(options.recentLimit ?? 200)).map((t) => ({
        traceId: t.trace_id,
        startedAt: t.started_at,
        status: effectiveStatus(t, now, options.traceCleanupHours ?? 24),
        query: t.query,
        decision: t.final_decision,
        durationMs: t.duration_ms,
      })),
    };
  });
}

async function throughput(store: Store, window: PanelWindow): Promise<DashboardSnapshot["throughput"]> {
  const until = window.end;
  const since = until - 60 * MINUTE_MS;
  const perMinute = new Array<number>(60).fill(0);
  for (const { minute, n } of await store.dashboard.startsPerMinute(since, until)) if (minute >= 0 && minute < 60) perMinute[minute] = n;
  return { perMinute, since, until, total: perMinute.reduce((a, b) => a + b, 0) };
}

async function queries(store: Store, window: PanelWindow): Promise<DashboardSnapshot["queries"]> {
  const byDecision: Record<string, number> = {};
  let total = 0;
  let errors = 0;
  for (const { labels, value } of await store.dashboard.counterSums("moodfood_queries_total", window.fromHour, window.toHour)) {
    total += value;
    if (labels.status === "error") errors += value;
    const decision = labels.decision ?? "none";
    byDecision[decision] = (byDecision[decision] ?? 0) + value;
  }
  return { total, errors, byDecision };
}

async function latency(store: Store, window: PanelWindow): Promise<LatencyFacts | null> {
  const h = await store.dashboard.histogramSum("moodfood_query_processing_time_ms", "total", window.fromHour, window.toHour);
  if (h.count === 0) return null;
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((p) => histogramQuantile(p, MS_BUCKETS, h.buckets));
  return {
    count: h.count,
    p50: p50?.value ?? Number.NaN,
    p95: p95?.value ?? Number.NaN,
    p99: p99?.value ?? Number.NaN,
    beyondLastBucket: [p50, p95, p99].some((p) => p?.beyond === true),
  };
}

async function llmCalls(store: Store, window: PanelWindow): Promise<Omit<DashboardSnapshot["llm"], "circuits">> {
  const errorsByReason: Record<string, number> = {};
  let calls = 0;
  let errors = 0;
  for (const { labels, value } of await store.dashboard.counterSums("moodfood_llm_api_calls_total", window.fromHour, window.toHour)) {
    calls += value;
    if (labels.status !== "error") continue;
    errors += value;
    const reason = labels.reason ?? "unknown";
    errorsByReason[reason] = (errorsByReason[reason] ?? 0) + value;
  }
  return { calls, errors, errorsByReason };
}

async function feedback(store: Store, window: PanelWindow): Promise<FeedbackFacts> {
  const facts: FeedbackFacts = { total: 0, positive: 0, neutral: 0, negative: 0, rated: 0, averageRating: null };
  let ratingSum = 0;
  for (const row of await store.dashboard.feedbackWindow(window.start, window.end)) {
    facts.total += row.n;
    if (row.sentiment === "positive" || row.sentiment === "neutral" || row.sentiment === "negative") facts[row.sentiment] += row.n;
    facts.rated += row.rated;
    ratingSum += row.rating_sum ?? 0;
  }
  facts.averageRating = facts.rated > 0 ? ratingSum / facts.rated : null;
  return facts;
}
