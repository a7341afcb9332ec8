import type { FeedbackRecord } from "../../src/records/feedback.js";
import type { TraceRecord } from "../../src/records/trace.js";
import type { AlertRow, DriftCheckRow } from "../../src/store/drift-queries.js";
import type { HealthRecord } from "../../src/store/health-queries.js";
import type { RetrainRunRow } from "../../src/store/model-queries.js";
import type { RollupIncrements } from "../../src/store/rollup-queries.js";

export const T0 = Date.UTC(2026, 4, 4, 9, 0, 0);
const MIN = 60_000;
export const HOUR = 3_600_000;

/** Deterministic pseudo-random numbers, so both backends get the very same rows. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/** Traces with ties on started_at, NULL model versions, sessions, long unicode queries and every status. */
export function seedTraces(): TraceRecord[] {
  const rand = prng(7);
  return Array.from({ length: 40 }, (_, i) => {
    const started = T0 + Math.floor(i / 2) * 7 * MIN; // pairs share a start time
    const status = pick(rand, ["ok", "ok", "ok", "error", "active"] as const);
    const ended = status === "active" ? null : started + 200 + Math.floor(rand() * 3 * HOUR);
    return {
      trace_id: `tr-${String(i).padStart(3, "0")}`,
      root_span_id: `sp-${i}`,
      started_at: started,
      ended_at: ended,
      duration_ms: ended === null ? null : ended - started + 0.25,
      status,
      query: i % 5 === 0 ? `${"ünïcödé sad and cold ".repeat(12)}${i}` : `query ${i}`,
      labels: pick(rand, [["sad"], ["happy", "sad"], [], ["Calm"], ["calm", "tired"]]),
      confidence: status === "ok" ? Math.round(rand() * 1000) / 1000 : null,
      final_decision: status === "ok" ? pick(rand, ["llm", "classifier", "Fallback"]) : null,
      model_version: pick(rand, ["m1", "m2", "M0", null]),
      request_id: `req-${i}`,
      user_id: i % 3 === 0 ? `u${i % 4}` : null,
      session_id: i % 4 === 0 ? null : `s${i % 3}`,
      error: status === "error" ? "boom" : null,
      spans: [],
      agreement: pick(rand, [true, false, null]),
      recommendations: i % 2 ? ["soup", "tea"] : [],
    } satisfies TraceRecord;
  });
}

/** Feedback with ties on created_at, orphans, corrections, comments and NULL ratings and model versions. */
export function seedFeedback(traces: TraceRecord[]): FeedbackRecord[] {
  const rand = prng(11);
  return Array.from({ length: 36 }, (_, i) => {
    const explicit = rand() < 0.6;
    const sentiment = pick(rand, ["positive", "negative", "neutral"] as const);
    const trace = i % 9 === 8 ? undefined : traces[Math.floor(rand() * traces.length)];
    return {
      feedback_id: `fb-${String(i).padStart(3, "0")}`,
      trace_id: trace?.trace_id ?? `gone-${i}`,
      created_at: T0 + Math.floor(i / 3) * 23 * MIN, // threes share a time
      type: explicit ? "explicit" : "implicit",
      rating: explicit && i % 4 !== 0 ? 1 + Math.floor(rand() * 5) : null,
      thumbs: explicit ? pick(rand, ["up", "down", null] as const) : null,
      comment: sentiment === "negative" ? pick(rand, ["too salty", "", null, "Cold", "bad"]) : null,
      signal: explicit ? null : pick(rand, ["re_query", "skip", "accept"] as const),
      sentiment,
      labels: explicit && i % 5 === 1 ? ["sad", "tired"] : null,
      model_version: pick(rand, ["m1", "m2", "M0", null]),
      user_id: i % 2 ? "u1" : null,
      session_id: i % 3 ? "s1" : null,
    } satisfies FeedbackRecord;
  });
}

export function seedChecks(): DriftCheckRow[] {
  return Array.from({ length: 8 }, (_, i) => ({
    checked_at: T0 + Math.floor(i / 2) * HOUR,
    window_start: T0 - 24 * HOUR,
    window_end: T0,
    baseline: i % 3 ? "previous" : "training",
    model_version: i % 4 === 3 ? null : `m${i % 2}`,
    overall_score: i === 5 ? null : i / 10,
    severity: pick(prng(i), ["none", "warning", "critical"]),
    result: JSON.stringify({ i }),
  }));
}

export function seedAlerts(): Omit<AlertRow, "status" | "acknowledged_at" | "resolved_at">[] {
  return Array.from({ length: 9 }, (_, i) => ({
    alert_id: `${i % 2 ? "Ab" : "ab"}_${i}%x`,
    type: pick(prng(i + 3), ["psi", "feedback", "Label_shift"]),
    severity: i % 2 ? "warning" : "critical",
    opened_at: T0 + Math.floor(i / 3) * HOUR, // threes share an opening time
    updated_at: T0 + Math.floor(i / 3) * HOUR,
    model_version: i % 4 === 0 ? null : "m1",
    score: i % 3 === 0 ? null : i * 0.1,
    threshold: 0.2,
    details: JSON.stringify({ i }),
  }));
}

export function seedHealth(): HealthRecord[] {
  return Array.from({ length: 6 }, (_, i) => ({
    checked_at: T0 + Math.floor(i / 2) * 5 * MIN,
    status: pick(prng(i + 5), ["healthy", "degraded", "unhealthy"] as const),
    score: i / 7,
    source: i % 2 ? "serve" : "cli",
    checks: JSON.stringify({ n: i }),
  }));
}

export function seedRuns(): RetrainRunRow[] {
  return Array.from({ length: 4 }, (_, i) => ({
    run_id: `run-${i}`,
    started_at: T0 + Math.floor(i / 2) * HOUR,
    duration_ms: 1234.5,
    trigger: "manual",
    status: "ok",
    candidate: i % 2 ? null : `m${i}`,
    active: "m0",
    promoted: i % 2,
    reason: "better",
    samples: 100 + i,
    gold: 10,
    silver: 90 + i,
    gold_ratio: 0.1,
    scores: "{}",
    buffer: "{}",
  }));
}

/** Counter and histogram increments over several hours, integer-valued so sums are exact in any order. */
export function seedIncrements(): RollupIncrements[] {
  const rand = prng(3);
  return Array.from({ length: 60 }, (_, i): RollupIncrements => {
    const status = pick(rand, ["ok", "error", "abandoned"]);
    const model = pick(rand, ["m1", "M0", "m2"]);
    const value = Math.floor(rand() * 4000);
    return {
      at: T0 + i * 11 * MIN,
      counters: [
        { name: "moodfood_queries_total", labels: { status, model_version: model }, value: 1 },
        { name: "moodfood_llm_api_calls_total", labels: { outcome: pick(rand, ["ok", "timeout"]) }, value: 1 + (i % 3) },
      ],
      histograms: ["total", "parse"].map((stage) => ({
        name: "moodfood_query_processing_time_ms",
        labels: { stage, decision: pick(rand, ["llm", "classifier"]), model_version: model },
        value: stage === "total" ? value : Math.floor(value / 7),
        bucketIndex: Math.min(Math.floor(value / 500), 7),
        bucketCount: 8,
        exemplarTraceId: `tr-${i}`,
        at: T0 + i * 11 * MIN,
      })),
    };
  });
}
