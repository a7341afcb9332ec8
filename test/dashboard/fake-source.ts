import type { DashboardSnapshot, RecentTrace } from "../../src/overview/dashboard-snapshot.js";
import type { DashboardSource } from "../../src/overview/dashboard-source.js";
import type { TraceRecord } from "../../src/records/trace.js";

export const NOW = Date.parse("2026-11-20T12:30:00Z");
const HOUR = 3_600_000;

export const trace = (n: number, overrides: Partial<RecentTrace> = {}): RecentTrace => ({
  traceId: `${String(n).padStart(2, "0")}ab${"0".repeat(28)}`,
  startedAt: NOW - n * 60_000,
  status: "ok",
  query: `query number ${n}`,
  decision: "ml_validated",
  durationMs: 1.5,
  ...overrides,
});

/** A frame with every panel filled, numbers chosen so each is recognisable on screen. */
export function snapshot(overrides: Partial<DashboardSnapshot> = {}): DashboardSnapshot {
  const perMinute = new Array<number>(60).fill(0).map((_, i) => i % 7);
  return {
    at: NOW,
    window: { kind: "last_24h", start: NOW - 23.5 * HOUR, end: NOW, fromHour: 0, toHour: 23 },
    health: { score: 87, status: "healthy", checkedAt: NOW - 60_000 },
    models: { active: "mf-active01", candidate: null },
    throughput: { perMinute, since: NOW - HOUR, until: NOW, total: perMinute.reduce((a, b) => a + b, 0) },
    queries: { total: 1000, errors: 7, byDecision: { ml_validated: 700, llm_fallback: 200, ml_only: 60, default_fallback: 40 } },
    latency: { count: 1000, p50: 0.42, p95: 3.1, p99: 12.5, beyondLastBucket: false },
    llm: { calls: 950, errors: 19, errorsByReason: { timeout: 12, http_5xx: 7 }, circuits: [] },
    drift: {
      lastCheck: { checkedAt: NOW - 2 * HOUR, severity: "high", score: 0.314, modelVersion: "mf-active01" },
      lastAlert: { alertId: "al1", type: "label_distribution", severity: "high", status: "open", openedAt: NOW - 2 * HOUR },
      openAlerts: 1,
    },
    feedback: { total: 40, positive: 30, neutral: 4, negative: 6, rated: 16, averageRating: 4.25 },
    recent: [0, 1, 2, 3, 4].map((n) => trace(n)),
    ...overrides,
  };
}

export function fullTrace(id: string): TraceRecord {
  return {
    trace_id: id,
    root_span_id: "a".repeat(16),
    started_at: NOW,
    ended_at: NOW + 2,
    duration_ms: 2,
    status: "ok",
    query: "waterfall query",
    labels: ["emotion_sad"],
    confidence: 0.9,
    final_decision: "ml_validated",
    model_version: "mf-active01",
    request_id: "b".repeat(16),
    user_id: null,
    session_id: null,
    error: null,
    spans: [
      {
        span_id: "c".repeat(16),
        parent_span_id: null,
        name: "parse",
        start_offset_ms: 0,
        duration_ms: 0.5,
        status: "ok",
        attributes: {},
        error: null,
      },
      {
        span_id: "d".repeat(16),
        parent_span_id: null,
        name: "recommend",
        start_offset_ms: 0.5,
        duration_ms: 1.5,
        status: "ok",
        attributes: {},
        error: null,
      },
    ],
    agreement: true,
    recommendations: [],
  };
}

/** A source whose frames the test sets; counts reads so refresh and pause can be checked. */
export function fakeSource(initial: DashboardSnapshot = snapshot()): DashboardSource & { frame: DashboardSnapshot; reads: number } {
  const source = {
    frame: initial,
    reads: 0,
    async read() {
      source.reads++;
      return source.frame;
    },
    trace: async (id: string) => fullTrace(id),
  };
  return source;
}
