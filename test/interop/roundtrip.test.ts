import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runExportJsonl } from "../../src/interop/export-jsonl.js";
import { runImport } from "../../src/interop/import-jsonl.js";
import { openTestStore } from "../support/test-store.js";
import { type RowsStore, rowsStore } from "./inspect-rows.js";
import { populate, tempDir } from "./populate.js";

const readLines = (path: string): Record<string, unknown>[] =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Everything a user could see in a store, in a stable order. */
async function snapshot({ store, rows }: RowsStore) {
  return {
    traces: (await store.traces.list({ limit: 1000 })).sort((a, b) => a.trace_id.localeCompare(b.trace_id)),
    feedback: await rows(
      "SELECT feedback_id, trace_id, created_at, type, rating, thumbs, comment, signal, sentiment, labels, model_version, user_id, session_id FROM feedback ORDER BY feedback_id",
    ),
    checks: await rows(
      "SELECT checked_at, window_start, window_end, baseline, model_version, overall_score, severity, result FROM drift_checks ORDER BY checked_at",
    ),
    alerts: await rows(
      "SELECT alert_id, type, severity, status, opened_at, updated_at, acknowledged_at, resolved_at, model_version, score, threshold, details FROM drift_alerts ORDER BY alert_id",
    ),
    counters: await rows("SELECT name, labels, hour, value FROM counter_rollups ORDER BY name, hour, labels"),
    histograms: await rows("SELECT name, labels, hour, count, buckets FROM histogram_rollups ORDER BY name, hour, labels"),
  };
}

/** Histogram sums: the live path summed unrounded durations, the store (and so the export) keeps microseconds. */
async function histogramSums({ rows }: RowsStore): Promise<[string, number, number][]> {
  return (
    await rows<{ key: string; sum: number; count: number }>(
      "SELECT name || labels || hour AS key, sum, count FROM histogram_rollups ORDER BY name, hour, labels",
    )
  ).map((r) => [r.key, r.sum, r.count]);
}

async function expectSumsClose(actual: RowsStore, expected: RowsStore): Promise<void> {
  const want = await histogramSums(expected);
  const got = await histogramSums(actual);
  expect(got.map((r) => r[0])).toEqual(want.map((r) => r[0]));
  for (const [i, [, sum, count]] of got.entries()) {
    expect(Math.abs(sum - (want[i]?.[1] ?? Number.NaN))).toBeLessThanOrEqual(0.0005 * count + 1e-9);
  }
}

describe("export jsonl → import", () => {
  it("writes the original's five files with every field it named, our times in UTC with Z", async () => {
    const store = await openTestStore();
    const traces = await populate(store);
    const out = tempDir();
    const result = await runExportJsonl(store, { outDir: out });
    expect(result.files.map((f) => [f.kind, f.lines])).toEqual([
      ["traces", 4],
      ["user_feedback", 3],
      ["drift_metrics", 2],
      ["drift_alerts", 2],
      ["feedback_metrics", 2],
    ]);

    const [trace] = readLines(join(out, "traces.jsonl"));
    expect(Object.keys(trace ?? {})).toEqual(
      expect.arrayContaining([
        "trace_id",
        "request_id",
        "start_time",
        "events",
        "total_duration_ms",
        "status",
        "user_id",
        "session_id",
        "model_version",
        "final_decision",
      ]),
    );
    expect(trace?.trace_id).toBe(traces[0]?.trace_id);
    expect(trace?.start_time).toBe("2026-05-04T09:30:00.123Z");
    expect(trace?.status).toBe("success");
    const events = trace?.events as Record<string, unknown>[];
    expect(Object.keys(events[0] ?? {})).toEqual(
      expect.arrayContaining(["event_id", "trace_id", "stage", "timestamp", "duration_ms", "metadata", "status", "error_message"]),
    );
    expect(events.map((e) => e.stage)).toEqual(
      expect.arrayContaining([
        "parse_start",
        "parse_end",
        "llm_call_start",
        "llm_call_end",
        "ml_classify_start",
        "ml_classify_end",
        "recommend_start",
        "recommend_end",
      ]),
    );
    const stages = events.map((e) => e.stage as string);
    expect(stages.indexOf("parse_start")).toBeLessThan(stages.indexOf("parse_end"));
    const llmEnd = events.find((e) => e.stage === "llm_call_end");
    expect((llmEnd?.metadata as Record<string, unknown> | undefined)?.["gen_ai.request.model"]).toBe("moodfood-lexicon-1");
    const failed = readLines(join(out, "traces.jsonl"))[2]?.events as Record<string, unknown>[];
    expect(failed.find((e) => e.stage === "recommend_error")).toMatchObject({ status: "error", error_message: "catalog missing" });

    const feedback = readLines(join(out, "user_feedback.jsonl"));
    expect(feedback[0]).toMatchObject({
      feedback_id: "fb-1",
      timestamp: "2026-05-04T09:31:00.123Z",
      feedback_type: "explicit",
      sentiment: "positive",
      user_rating: 5,
      feedback_text: "lovely, thanks",
      query: "sad and cold 0 — ünïcödé",
      recommendations: ["Ramen", "Pho"],
      session_id: "s1",
      user_id: "u1",
      model_version: "m1",
    });
    expect(feedback[1]).toMatchObject({ feedback_type: "implicit", user_rating: null, feedback_text: "Implicit signal: click" });

    expect(readLines(join(out, "drift_metrics.jsonl"))[0]).toMatchObject({
      model_version: "m1",
      overall_drift_score: 0.31,
      alerts_triggered: 1,
      status: "alert",
    });
    expect(readLines(join(out, "drift_alerts.jsonl"))).toEqual([
      expect.objectContaining({
        alert_id: "drift-aa",
        alert_type: "confidence",
        severity: "high",
        drift_score: 0.31,
        threshold: 0.1,
        details: { psi: 0.31, explanation: "confidence fell" },
        status: "active",
      }),
      expect.objectContaining({ alert_id: "drift-bb", status: "acknowledged" }),
    ]);
    const metrics = readLines(join(out, "feedback_metrics.jsonl"));
    expect(metrics[1]).toMatchObject({
      model_version: "m1",
      total_feedback: 3,
      positive_feedback: 2,
      negative_feedback: 1,
      neutral_feedback: 0,
      average_rating: 3.5,
    });
    expect(metrics[1]?.positive_ratio).toBeCloseTo(2 / 3, 10);
    expect(metrics[0]).toMatchObject({ total_feedback: 2, feedback_trend: "insufficient_data" });
  });

  it("round-trips into an empty store losing nothing, metrics included; a second import adds nothing", async () => {
    const source = await rowsStore();
    await populate(source.store);
    const out = tempDir();
    await runExportJsonl(source.store, { outDir: out });

    const target = await rowsStore();
    const first = await runImport(target.store, { paths: [out], keepQueryText: true });
    expect(first).toMatchObject({
      imported: { traces: 4, user_feedback: 3, drift_metrics: 2, drift_alerts: 2, feedback_metrics: 0 },
      duplicates: 0,
      derived: 2,
      skipped: 0,
      errors: [],
    });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    await expectSumsClose(target, source);

    const second = await runImport(target.store, { paths: [out], keepQueryText: true });
    expect(second.imported).toEqual({ traces: 0, user_feedback: 0, drift_metrics: 0, drift_alerts: 0, feedback_metrics: 0 });
    expect(second.duplicates).toBe(11);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    await Promise.all([source.close(), target.close()]);
  });

  it("refuses to overwrite an earlier export unless forced", async () => {
    const store = await openTestStore();
    const out = tempDir();
    await runExportJsonl(store, { outDir: out });
    await expect(runExportJsonl(store, { outDir: out })).rejects.toThrow(/already exists.*--force/);
    expect((await runExportJsonl(store, { outDir: out, force: true })).files).toHaveLength(5);
  });
});
