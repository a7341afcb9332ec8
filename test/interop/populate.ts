import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeFeedback } from "../../src/feedback/record-feedback.js";
import type { FeedbackRecord } from "../../src/records/feedback.js";
import type { TraceRecord } from "../../src/records/trace.js";
import { storeSink } from "../../src/runtime/store-sink.js";
import type { Store } from "../../src/store/store.js";
import { endTrace, startTrace, traceStage, traceWritten } from "../../src/tracing/tracer.js";

export const tempDir = (prefix = "mf-interop-"): string => mkdtempSync(join(tmpdir(), prefix));

export const T0 = Date.UTC(2026, 4, 4, 9, 30, 0, 123);

/** A store with what a week of use leaves: ok and failed traces, an active one, feedback of both kinds, a drift check and alerts. */
export async function populate(store: Store): Promise<TraceRecord[]> {
  let clock = T0;
  const sink = storeSink(store);
  const traces: TraceRecord[] = [];
  for (let i = 0; i < 3; i++) {
    const trace = startTrace({
      query: `sad and cold ${i} — ünïcödé`,
      sink,
      now: () => clock,
      userId: i === 0 ? "u1" : null,
      sessionId: "s1",
    });
    trace.record.model_version = "m1";
    await traceStage(trace, "parse", (span) => {
      span.attributes["moodfood.query.chars"] = 14;
    });
    await Promise.all([
      traceStage(
        trace,
        "llm_call",
        (span) => {
          span.attributes["gen_ai.usage.input_tokens"] = 12;
          span.attributes["moodfood.llm.ok"] = true;
        },
        { "gen_ai.provider.name": "local", "gen_ai.request.model": "moodfood-lexicon-1" },
      ),
      traceStage(trace, "ml_classify", (span) => {
        span.attributes["moodfood.ml.top_score"] = 0.731;
      }),
    ]);
    if (i === 2) {
      const error = await traceStage(trace, "recommend", () => Promise.reject(new Error("catalog missing"))).catch((e: unknown) => e);
      traces.push(endTrace(trace, { error }));
    } else {
      await traceStage(trace, "recommend", () => undefined);
      traces.push(
        endTrace(trace, {
          labels: ["emotion_sad", "weather_cold"],
          confidence: 0.82,
          final_decision: "ml_validated",
          recommendations: ["Ramen", "Pho"],
          agreement: i === 0,
        }),
      );
    }
    await traceWritten(trace);
    clock += 3_600_000;
  }
  // A query that never finished (the process died): stays active.
  const unfinished = startTrace({ query: "still running", sink, now: () => clock });
  await traceWritten(unfinished);
  traces.push(unfinished.record);

  const first = traces[0] as TraceRecord;
  const feedback: FeedbackRecord[] = [
    {
      feedback_id: "fb-1",
      trace_id: first.trace_id,
      created_at: T0 + 60_000,
      type: "explicit",
      rating: 5,
      thumbs: "up",
      comment: "lovely, thanks",
      signal: null,
      sentiment: "positive",
      labels: ["emotion_sad", "goal_comfort"],
      model_version: "m1",
      user_id: "u1",
      session_id: "s1",
    },
    {
      feedback_id: "fb-2",
      trace_id: first.trace_id,
      created_at: T0 + 120_000,
      type: "implicit",
      rating: null,
      thumbs: null,
      comment: null,
      signal: "click",
      sentiment: "positive",
      labels: null,
      model_version: "m1",
      user_id: null,
      session_id: null,
    },
    {
      feedback_id: "fb-3",
      trace_id: (traces[1] as TraceRecord).trace_id,
      created_at: T0 + 86_400_000,
      type: "explicit",
      rating: 2,
      thumbs: null,
      comment: null,
      signal: null,
      sentiment: "negative",
      labels: null,
      model_version: "m1",
      user_id: null,
      session_id: null,
    },
  ];
  await storeFeedback(store, feedback);

  const checkedAt = T0 + 2 * 86_400_000;
  await store.transaction(async () => {
    await store.drift.insertCheck({
      checked_at: checkedAt,
      window_start: checkedAt - 86_400_000,
      window_end: checkedAt,
      baseline: "previous",
      model_version: "m1",
      overall_score: 0.31,
      severity: "high",
      result: JSON.stringify({ status: "ok", alerts: { opened: [{ alert_id: "drift-aa" }], updated: [], resolved: [] } }),
    });
    await store.drift.insertCheck({
      checked_at: checkedAt + 1000,
      window_start: checkedAt - 86_400_000,
      window_end: checkedAt,
      baseline: "model",
      model_version: null,
      overall_score: null,
      severity: "none",
      result: JSON.stringify({ status: "insufficient_data" }),
    });
    await store.drift.insertAlert({
      alert_id: "drift-aa",
      type: "confidence",
      severity: "high",
      opened_at: checkedAt,
      updated_at: checkedAt,
      model_version: "m1",
      score: 0.31,
      threshold: 0.1,
      details: JSON.stringify({ psi: 0.31, explanation: "confidence fell" }),
    });
    await store.drift.insertAlert({
      alert_id: "drift-bb",
      type: "labels",
      severity: "medium",
      opened_at: checkedAt,
      updated_at: checkedAt,
      model_version: "m1",
      score: 0.2,
      threshold: 0.1,
      details: "{}",
    });
    await store.drift.acknowledgeAlert("drift-bb", checkedAt + 5000);
    await store.rollups.apply(
      [{ name: "moodfood_drift_alerts_total", labels: { type: "confidence", severity: "high", model_version: "m1" }, value: 1 }],
      [],
      checkedAt,
    );
    await store.rollups.apply(
      [{ name: "moodfood_drift_alerts_total", labels: { type: "labels", severity: "medium", model_version: "m1" }, value: 1 }],
      [],
      checkedAt,
    );
  });
  return traces;
}
