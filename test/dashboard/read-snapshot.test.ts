import { describe, expect, it } from "vitest";
import { storeFeedback } from "../../src/feedback/record-feedback.js";
import { cacheGauge } from "../../src/metrics/cached-gauges.js";
import { rollupsForTrace } from "../../src/metrics/trace-rollups.js";
import { histogramQuantile } from "../../src/overview/histogram-quantile.js";
import { readDashboardSnapshot } from "../../src/overview/read-dashboard-snapshot.js";
import { circuitKey } from "../../src/pipeline/providers/circuit-breaker.js";
import type { FeedbackRecord } from "../../src/records/feedback.js";
import type { TraceRecord } from "../../src/records/trace.js";
import type { Store } from "../../src/store/store.js";
import { newSpanId, newTraceId } from "../../src/tracing/ids.js";
import { openTestStore } from "../support/test-store.js";

const HOUR = 3_600_000;
const NOW = Date.parse("2026-11-20T12:30:00Z");

function traceAt(at: number, decision: string, durationMs: number, extra: Partial<TraceRecord> = {}): TraceRecord {
  return {
    trace_id: newTraceId(),
    root_span_id: newSpanId(),
    started_at: at,
    ended_at: at + durationMs,
    duration_ms: durationMs,
    status: "ok",
    query: `q at ${at}`,
    labels: [],
    confidence: 0.8,
    final_decision: decision,
    model_version: "m1",
    request_id: newSpanId(),
    user_id: null,
    session_id: null,
    error: null,
    spans: [
      {
        span_id: newSpanId(),
        parent_span_id: null,
        name: "llm_call",
        start_offset_ms: 0,
        duration_ms: 1,
        status: decision === "ml_only" ? "error" : "ok",
        attributes: { "gen_ai.request.model": "local", "moodfood.llm.reason": decision === "ml_only" ? "timeout" : "ok" },
        error: null,
      },
    ],
    agreement: true,
    recommendations: [],
    ...extra,
  };
}

const write = (store: Store, traces: TraceRecord[]) => store.completeTraces(traces.map(rollupsForTrace));

const feedbackRow = (traceId: string, at: number, sentiment: FeedbackRecord["sentiment"], rating: number | null): FeedbackRecord => ({
  feedback_id: newTraceId(),
  trace_id: traceId,
  created_at: at,
  type: rating === null ? "implicit" : "explicit",
  rating,
  thumbs: null,
  comment: null,
  signal: rating === null ? "accept" : null,
  sentiment,
  model_version: "m1",
  user_id: null,
  session_id: null,
  labels: null,
});

describe("readDashboardSnapshot: one frame from the rollups and the newest rows", () => {
  it("an empty store is an empty window with no traces, and says no health or drift check ran", async () => {
    const s = await readDashboardSnapshot(await openTestStore(), NOW);
    expect(s.window.kind).toBe("empty");
    expect(s.recent).toEqual([]);
    expect(s.health).toBeNull();
    expect(s.drift.lastCheck).toBeNull();
    expect(s.queries.total).toBe(0);
    expect(s.latency).toBeNull();
  });

  it("counts the last 24 h by decision, errors and LLM failures; older traffic stays out", async () => {
    const store = await openTestStore();
    await write(store, [
      ...Array.from({ length: 6 }, (_, i) => traceAt(NOW - i * HOUR, "ml_validated", 0.4)),
      traceAt(NOW - 2 * HOUR, "llm_fallback", 3),
      traceAt(NOW - 3 * HOUR, "ml_only", 30),
      traceAt(NOW - 4 * HOUR, "default_fallback", 1, { status: "error" }),
      traceAt(NOW - 30 * HOUR, "llm_fallback", 1), // before the window
    ]);
    const s = await readDashboardSnapshot(store, NOW);
    expect(s.window.kind).toBe("last_24h");
    expect(s.queries).toEqual({ total: 9, errors: 1, byDecision: { ml_validated: 6, llm_fallback: 1, ml_only: 1, default_fallback: 1 } });
    expect(s.llm.calls).toBe(9);
    expect(s.llm.errors).toBe(1);
    expect(s.llm.errorsByReason).toEqual({ timeout: 1 });
    expect(s.latency?.count).toBe(9);
    expect(s.latency?.p50).toBeGreaterThan(0.25);
    expect(s.latency?.p50).toBeLessThanOrEqual(0.5);
    expect(s.recent).toHaveLength(10);
    expect(s.recent[0]?.startedAt).toBe(NOW);
  });

  it("shows the latest day with data when the last 24 h are empty", async () => {
    const store = await openTestStore();
    const lastWeek = NOW - 7 * 24 * HOUR;
    await write(store, [
      traceAt(lastWeek, "ml_validated", 1),
      traceAt(lastWeek - 5 * HOUR, "ml_only", 1),
      traceAt(lastWeek - 30 * HOUR, "ml_only", 1),
    ]);
    const s = await readDashboardSnapshot(store, NOW);
    expect(s.window.kind).toBe("latest_day_with_data");
    expect(s.window.end).toBe((Math.floor(lastWeek / HOUR) + 1) * HOUR);
    expect(s.window.end - s.window.start).toBe(24 * HOUR);
    expect(s.queries.total).toBe(2);
    expect(s.throughput.total).toBe(1); // the last hour of that day
  });

  it("counts traces started per minute over the last hour for the sparkline", async () => {
    const store = await openTestStore();
    await write(store, [
      traceAt(NOW - 30_000, "ml_validated", 1),
      traceAt(NOW - 45_000, "ml_validated", 1),
      traceAt(NOW - 59.5 * 60_000, "ml_validated", 1),
    ]);
    const { throughput } = await readDashboardSnapshot(store, NOW);
    expect(throughput.total).toBe(3);
    expect(throughput.perMinute).toHaveLength(60);
    expect(throughput.perMinute[59]).toBe(2);
    expect(throughput.perMinute[0]).toBe(1);
  });

  it("reads feedback shares and average rating, cached health, drift and the circuit", async () => {
    const store = await openTestStore();
    const t = traceAt(NOW - HOUR, "ml_validated", 1);
    await write(store, [t]);
    await storeFeedback(store, [
      feedbackRow(t.trace_id, NOW - HOUR, "positive", 5),
      feedbackRow(t.trace_id, NOW - HOUR, "negative", 2),
      feedbackRow(t.trace_id, NOW - HOUR, "positive", null),
      feedbackRow(t.trace_id, NOW - 48 * HOUR, "negative", 1), // outside the window
    ]);
    await cacheGauge(store, "moodfood_system_health", [{ labels: {}, value: 92 }], NOW - 60_000);
    await store.meta.set(circuitKey("gpt-x"), { failures: 5, openedAt: NOW - 10_000, probeAt: null }, NOW);
    const s = await readDashboardSnapshot(store, NOW, { circuitModels: ["gpt-x", "gpt-y"] });
    expect(s.feedback).toEqual({ total: 3, positive: 2, neutral: 0, negative: 1, rated: 2, averageRating: 3.5 });
    expect(s.health).toEqual({ score: 92, status: null, checkedAt: NOW - 60_000 });
    expect(s.llm.circuits).toEqual([
      { model: "gpt-x", state: "open", failures: 5, openedAt: NOW - 10_000 },
      { model: "gpt-y", state: "closed", failures: 0, openedAt: null },
    ]);
    expect(s.models.candidate).toBeNull();
    expect(s.models.active).toMatch(/\S/);
  });
});

describe("histogramQuantile (Prometheus' interpolation)", () => {
  it("interpolates inside the bucket holding the rank and caps at the top finite bound", () => {
    expect(histogramQuantile(0.5, [1, 2, 4], [0, 10, 0, 0]).value).toBeCloseTo(1.5);
    expect(histogramQuantile(0.25, [1, 2, 4], [4, 0, 0, 0]).value).toBeCloseTo(0.25);
    expect(histogramQuantile(0.99, [1, 2, 4], [1, 0, 0, 99])).toEqual({ value: 4, beyond: true });
    expect(histogramQuantile(0.5, [1], [0, 0]).value).toBeNaN();
  });
});
