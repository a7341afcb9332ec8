import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { runExportJsonl } from "../../src/interop/export-jsonl.js";
import { runImport } from "../../src/interop/import-jsonl.js";
import { onPostgres, openTestStore } from "../support/test-store.js";
import { tempDir } from "./populate.js";

// Lines as the original Python system wrote them: naive utcnow() times with microseconds, trace_<16 hex> ids.
const TRACE = {
  trace_id: "trace_0123456789abcdef",
  request_id: "req_001",
  start_time: "2025-03-01T10:00:00.000500",
  events: [
    {
      event_id: "event_1a2b3c4d",
      trace_id: "trace_0123456789abcdef",
      stage: "llm_call_start",
      timestamp: "2025-03-01T10:00:00.010500",
      duration_ms: 0.0,
      metadata: { model: "deepseek" },
      status: "start",
      error_message: null,
    },
    {
      event_id: "event_2a2b3c4d",
      trace_id: "trace_0123456789abcdef",
      stage: "llm_call_end",
      timestamp: "2025-03-01T10:00:00.250500",
      duration_ms: 240.0,
      metadata: { model: "deepseek", duration_ms: 240.0 },
      status: "success",
      error_message: null,
    },
    {
      event_id: "event_3a2b3c4d",
      trace_id: "trace_0123456789abcdef",
      stage: "ml_classification_start",
      timestamp: "2025-03-01T10:00:00.251",
      duration_ms: 0.0,
      metadata: {},
      status: "start",
      error_message: null,
    },
    {
      event_id: "event_4a2b3c4d",
      trace_id: "trace_0123456789abcdef",
      stage: "ml_classification_error",
      timestamp: "2025-03-01T10:00:00.300",
      duration_ms: 49.0,
      metadata: { duration_ms: 49.0, labels: ["a", "b"] },
      status: "error",
      error_message: "model not loaded",
    },
    {
      event_id: "event_5a2b3c4d",
      trace_id: "trace_0123456789abcdef",
      stage: "cache_lookup",
      timestamp: "2025-03-01T10:00:00.305",
      duration_ms: 2.5,
      metadata: { hit: false },
      status: "warning",
      error_message: null,
    },
  ],
  total_duration_ms: 320.5,
  status: "active",
  user_id: null,
  session_id: "sess_9",
  model_version: "v1.0",
  final_decision: "llm_fallback",
};
const FEEDBACK = [
  {
    feedback_id: "feedback_20250301_100100_1234",
    timestamp: "2025-03-01T10:01:00",
    trace_id: "trace_0123456789abcdef",
    model_version: "v1.0",
    feedback_type: "implicit",
    sentiment: "positive",
    query: "rainy day blues",
    recommendations: ["Tomato soup", "Grilled cheese"],
    user_rating: null,
    feedback_text: "Implicit signal: accept",
    session_id: "sess_9",
    user_id: null,
  },
  {
    feedback_id: "feedback_20250301_100200_1234",
    timestamp: "2025-03-01T10:02:00.5",
    trace_id: "trace_0123456789abcdef",
    model_version: "v1.0",
    feedback_type: "explicit",
    sentiment: "neutral",
    query: "rainy day blues",
    recommendations: [],
    user_rating: 3,
    feedback_text: "ok I guess",
    session_id: null,
    user_id: "u7",
  },
];
const DRIFT_METRICS = {
  timestamp: "2025-03-01T11:00:00.5",
  model_version: "v1.0",
  overall_drift_score: 0.1428,
  alerts_triggered: 1,
  status: "alert",
};
const DRIFT_ALERT = {
  alert_id: "drift_20250301_110000_42",
  timestamp: "2025-03-01T11:00:00.5",
  alert_type: "confidence_drift",
  severity: "high",
  model_version: "v1.0",
  drift_score: 0.1428,
  threshold: 0.1,
  details: { drift_metrics: DRIFT_METRICS },
  status: "active",
};
const FEEDBACK_METRICS = {
  timestamp: "2025-03-01T10:02:00.5",
  model_version: "v1.0",
  total_feedback: 2,
  positive_feedback: 1,
  negative_feedback: 0,
  neutral_feedback: 1,
  positive_ratio: 0.5,
  average_rating: 3.0,
  feedback_trend: "insufficient_data",
};

const START = Date.UTC(2025, 2, 1, 10, 0, 0) + 0.5;
/** SQLite keeps the microseconds as a fraction of a ms; PostgreSQL's BIGINT the whole ms (as a Date shows it). */
const stored = (ms: number) => (onPostgres() ? Math.floor(ms) : ms);
const jsonl = (...lines: unknown[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join("");

function originalLogs(): string {
  const dir = tempDir("mf-original-");
  writeFileSync(join(dir, "traces.jsonl"), jsonl(TRACE));
  writeFileSync(join(dir, "user_feedback.jsonl"), jsonl(...FEEDBACK));
  writeFileSync(join(dir, "drift_metrics.jsonl"), jsonl(DRIFT_METRICS));
  writeFileSync(join(dir, "drift_alerts.jsonl"), jsonl(DRIFT_ALERT));
  writeFileSync(join(dir, "feedback_metrics.jsonl"), jsonl(FEEDBACK_METRICS));
  return dir;
}

describe("import of the original system's logs", () => {
  it("maps stage events to spans, naive times to UTC and trace_ ids to W3C ids", async () => {
    const store = await openTestStore();
    const dir = originalLogs();
    // Given feedback first on the command line: traces are still imported first, so the query finds its trace.
    const result = await runImport(store, { paths: [join(dir, "user_feedback.jsonl"), join(dir, "traces.jsonl")], keepQueryText: true });
    expect(result).toMatchObject({ imported: { traces: 1, user_feedback: 2 }, skipped: 0 });
    expect(result.files.map((f) => f.kind)).toEqual(["traces", "user_feedback"]);

    const trace = await store.traces.get("00000000000000000123456789abcdef");
    expect(trace).toMatchObject({
      started_at: stored(START),
      duration_ms: 320.5,
      ended_at: stored(START + 320.5),
      status: "ok",
      error: null,
      request_id: "req_001",
      session_id: "sess_9",
      model_version: "v1.0",
      final_decision: "llm_fallback",
      query: "rainy day blues",
      recommendations: ["Tomato soup", "Grilled cheese"],
    });
    expect(trace?.spans.map((s) => [s.name, s.start_offset_ms, s.duration_ms, s.status, s.error])).toEqual([
      ["llm_call", 10, 240, "ok", null],
      ["ml_classification", 250.5, 49, "error", "model not loaded"],
      ["cache_lookup", 302, 2.5, "ok", null],
    ]);
    expect(trace?.spans[0]?.attributes).toEqual({ model: "deepseek" });
    expect(trace?.spans[1]?.attributes).toEqual({ labels: '["a","b"]' });
    expect(trace?.spans[2]?.attributes).toEqual({ hit: false, "moodfood.event_status": "warning" });
    for (const span of trace?.spans ?? []) expect(span.parent_span_id).toBe(trace?.root_span_id);

    expect(await store.feedback.get("feedback_20250301_100100_1234")).toMatchObject({
      type: "implicit",
      signal: "accept",
      comment: null,
      rating: null,
      sentiment: "positive",
      trace_id: trace?.trace_id,
    });
    expect(await store.feedback.get("feedback_20250301_100200_1234")).toMatchObject({
      type: "explicit",
      rating: 3,
      comment: "ok I guess",
      created_at: Date.UTC(2025, 2, 1, 10, 2, 0, 500),
      user_id: "u7",
    });
    const queries = (await store.rollups.counterTotals()).find((c) => c.name === "moodfood_queries_total");
    expect(queries).toMatchObject({ value: 1, labels: { status: "ok", decision: "llm_fallback", model_version: "v1.0" } });
  });

  it("imports drift metrics and alerts, checks feedback summaries without storing them", async () => {
    const store = await openTestStore();
    const result = await runImport(store, { paths: [originalLogs()], keepQueryText: true });
    expect(result).toMatchObject({
      imported: { traces: 1, user_feedback: 2, drift_metrics: 1, drift_alerts: 1, feedback_metrics: 0 },
      derived: 1,
      skipped: 0,
    });
    expect(await store.drift.latestCheck()).toMatchObject({
      checked_at: Date.UTC(2025, 2, 1, 11, 0, 0, 500),
      overall_score: 0.1428,
      severity: "high",
      model_version: "v1.0",
      baseline: "original",
      window_end: Date.UTC(2025, 2, 1, 11, 0, 0, 500),
    });
    expect(await store.drift.listAlerts(true, 10)).toEqual([
      expect.objectContaining({
        alert_id: "drift_20250301_110000_42",
        type: "confidence_drift",
        status: "open",
        severity: "high",
        score: 0.1428,
        threshold: 0.1,
      }),
    ]);
    expect(JSON.parse((await store.drift.listAlerts(true, 10))[0]?.details ?? "{}")).toEqual({ drift_metrics: DRIFT_METRICS });
  });

  it("exports imported history back in the original's id format", async () => {
    const store = await openTestStore();
    await runImport(store, { paths: [originalLogs()], keepQueryText: true });
    const out = tempDir();
    await runExportJsonl(store, { outDir: out });
    const trace = JSON.parse(readFileSync(join(out, "traces.jsonl"), "utf8")) as typeof TRACE;
    expect(trace.trace_id).toBe("trace_0123456789abcdef");
    expect(trace.start_time).toBe("2025-03-01T10:00:00.000Z");
    expect(trace.events.map((e) => e.stage)).toEqual([
      "llm_call_start",
      "llm_call_end",
      "ml_classification_start",
      "ml_classification_error",
      "cache_lookup_start",
      "cache_lookup_end",
    ]);
    const feedback = readFileSync(join(out, "user_feedback.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(feedback[0]).toMatchObject({
      trace_id: "trace_0123456789abcdef",
      feedback_text: "Implicit signal: accept",
      query: "rainy day blues",
    });
    expect(feedback[1]).toMatchObject({ feedback_text: "ok I guess", user_rating: 3, timestamp: "2025-03-01T10:02:00.500Z" });
  });

  it("keeps the original's query text out of the store when queries are redacted", async () => {
    const store = await openTestStore();
    await runImport(store, { paths: [originalLogs()], keepQueryText: false });
    expect((await store.traces.get("00000000000000000123456789abcdef"))?.query).toBe("");
  });
});

describe("import of damaged files", () => {
  it("reports each bad line with its number and imports every other line", async () => {
    const dir = tempDir("mf-bad-");
    const path = join(dir, "traces.jsonl");
    const good = (id: string) => JSON.stringify({ ...TRACE, trace_id: id });
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"trace_id": "trace_00000000000000aa", "start_time": "2025-03-01T10:00:00", "request_id": "'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(`\uFEFF${good("trace_00000000000000a1")}\n`), // 1, with a byte-order mark
        Buffer.from("{not json\n"), // 2
        Buffer.from("[1, 2]\n"), // 3
        Buffer.from('{"trace_id": "trace_00000000000000a4", "events": []}\n'), // 4: no start_time
        invalidUtf8,
        Buffer.from("\n"), // 5
        Buffer.from("   \n"), // 6: blank, not an error
        Buffer.from(`${good("trace_00000000000000a7")}\r\n`), // 7: CRLF
        Buffer.from(`${JSON.stringify({ ...TRACE, trace_id: "trace_00000000000000a8", start_time: "2025-02-30T00:00:00" })}\n`), // 8: no such day
        Buffer.from(`${JSON.stringify({ ...TRACE, trace_id: "trace_00000000000000a9", events: [{ stage: "x_end" }] })}\n`), // 9: event without timestamp
        Buffer.from(good("trace_00000000000000b0")), // 10: no final newline
      ]),
    );
    const store = await openTestStore();
    const result = await runImport(store, { paths: [path], keepQueryText: true });
    expect(result.imported.traces).toBe(3);
    expect(result.skipped).toBe(6);
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [2, expect.stringMatching(/not valid JSON/)],
      [3, "is not a JSON object"],
      [4, expect.stringMatching(/"start_time" must be an ISO 8601 timestamp/)],
      [5, "is not valid UTF-8"],
      [8, expect.stringMatching(/"start_time" must be an ISO 8601 timestamp, got "2025-02-30T00:00:00"/)],
      [9, expect.stringMatching(/events\[0\]\.timestamp must be an ISO 8601 timestamp/)],
    ]);
    expect(result.errors.every((e) => e.file === path)).toBe(true);
    const again = await runImport(store, { paths: [path], keepQueryText: true });
    expect(again).toMatchObject({ imported: { traces: 0 }, duplicates: 3, skipped: 6 });
  });

  it("rejects feedback it cannot represent, with the reason", async () => {
    const dir = tempDir("mf-bad-");
    const path = join(dir, "user_feedback.jsonl");
    const base = FEEDBACK[1] as Record<string, unknown>;
    writeFileSync(
      path,
      jsonl(
        { ...base, feedback_id: "a", user_rating: 7 },
        { ...base, feedback_id: "b", user_rating: 2.5 },
        { ...base, feedback_id: "c", feedback_type: "implicit", user_rating: null, feedback_text: "Implicit signal: teleport" },
        { ...base, feedback_id: "d", sentiment: "ecstatic" },
        { ...base, feedback_id: "e", timestamp: "2025-03-01T10:02:00+02:00" },
      ),
    );
    const store = await openTestStore();
    const result = await runImport(store, { paths: [path], keepQueryText: true });
    expect(result.errors.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(result.errors[2]?.message).toMatch(/teleport/);
    expect((await store.feedback.get("e"))?.created_at).toBe(Date.UTC(2025, 2, 1, 8, 2, 0));
  });

  it("tells the kind of a file from its fields when its name does not say", async () => {
    const dir = tempDir("mf-kind-");
    const path = join(dir, "legacy-export.log");
    writeFileSync(path, `\n${jsonl(DRIFT_ALERT)}`);
    const store = await openTestStore();
    const result = await runImport(store, { paths: [path], keepQueryText: true });
    expect(result.files[0]).toMatchObject({ kind: "drift_alerts", imported: 1 });

    const unknown = join(dir, "mystery.jsonl");
    writeFileSync(unknown, jsonl({ hello: "world" }));
    await expect(runImport(store, { paths: [unknown], keepQueryText: true })).rejects.toThrow(UserError);
    await expect(runImport(store, { paths: [unknown], keepQueryText: true })).rejects.toThrow(/Cannot tell which file/);
    await expect(runImport(store, { paths: [join(dir, "missing.jsonl")], keepQueryText: true })).rejects.toThrow(/does not exist/);
  });
});
