import { describe, expect, it } from "vitest";
import { buildTrainingBuffer } from "../../src/feedback/buffer/training-buffer.js";
import { recordExplicitFeedback, recordImplicitFeedback } from "../../src/feedback/record-feedback.js";
import { trendDirection } from "../../src/feedback/summary/trend.js";
import { storeSink } from "../../src/runtime/store-sink.js";
import { pruneHistory } from "../../src/tracing/maintenance.js";
import { endTrace, startTrace, traceWritten } from "../../src/tracing/tracer.js";
import { bufferRow } from "../support/buffer-rows.js";
import { openTestStore } from "../support/test-store.js";

const row = bufferRow;
const options = { knownTexts: new Set(["i'm sad"]), baseExamples: 100 };

describe("the retraining buffer", () => {
  it("takes gold from explicit positives and corrections, silver from implicit positives", () => {
    const b = buildTrainingBuffer(
      [
        row("sad and freezing tonight", ["emotion_sad"], {
          labels: JSON.stringify(["emotion_sad", "weather_cold"]),
          rating: 2,
          sentiment: "negative",
        }),
        row("so tired after work", ["emotion_tired"]),
        row("need something spicy", ["sensory_spicy"], { type: "implicit", rating: null, signal: "accept" }),
      ],
      options,
    );
    expect(b).toMatchObject({ size: 3, gold: 2, silver: 1, gold_ratio: 0.6667 });
    expect(b.examples.find((e) => e.q === "sad and freezing tonight")?.labels).toEqual(["emotion_sad", "weather_cold"]);
  });

  it("refuses corrections against the text, drops invented labels, folds duplicates, keeps curated texts out, caps the rest", () => {
    const rows = [
      row("so sad today", ["emotion_sad"], { labels: JSON.stringify(["weather_hot"]) }),
      row("so sad today", ["emotion_sad"], { labels: JSON.stringify(["emotion_sad", "weather_hot"]), user_id: "u1" }),
      row("so sad today", ["emotion_sad"], { user_id: "u1" }),
      row("I'm sad", ["emotion_sad"]),
      row("", ["emotion_sad"]),
      row("broken one", ["emotion_sad"], { trace_status: "error" }),
    ];
    const b = buildTrainingBuffer(rows, options);
    expect(b.examples).toEqual([{ q: "so sad today", labels: ["emotion_sad"], tier: "gold", votes: 1 }]);
    expect(b.rejected).toMatchObject({ contradicts_text: 1, duplicates: 1, known_text: 1, no_text: 1, failed_trace: 1 });
    const many = Array.from({ length: 60 }, (_, i) => row(`tired day number ${i}`, ["emotion_tired"]));
    const capped = buildTrainingBuffer(many, { ...options, baseExamples: 100 });
    expect(capped.size).toBe(25);
    expect(capped.rejected.over_cap).toBe(35);
  });
});

describe("the feedback trend", () => {
  it("names a direction only when the change between equal windows is large and significant", () => {
    expect(trendDirection({ total: 5, positive: 5 }, { total: 50, positive: 10 }).direction).toBe("insufficient_data");
    expect(trendDirection({ total: 100, positive: 50 }, { total: 100, positive: 80 }).direction).toBe("improving");
    expect(trendDirection({ total: 100, positive: 80 }, { total: 100, positive: 50 }).direction).toBe("declining");
    expect(trendDirection({ total: 100, positive: 50 }, { total: 100, positive: 53 }).direction).toBe("stable");
    expect(trendDirection({ total: 12, positive: 6 }, { total: 12, positive: 8 }).direction).toBe("stable");
  });
});

describe("prune", () => {
  it("leaves no feedback row whose trace is gone", async () => {
    const store = await openTestStore();
    const now = Date.now();
    const ids: string[] = [];
    for (const [i, age] of [40, 40, 1].entries()) {
      const trace = startTrace({ query: `q${i}`, sink: storeSink(store), now: () => now - age * 86_400_000 });
      endTrace(trace, { labels: ["emotion_sad"], final_decision: "ml_validated", model_version: "m1" });
      await traceWritten(trace);
      ids.push(trace.record.trace_id);
    }
    for (const traceId of ids) {
      await recordExplicitFeedback(store, { traceId, rating: 4 }, now);
      await recordImplicitFeedback(store, { traceId, signal: "click" }, now);
    }
    expect(await pruneHistory(store, now - 30 * 86_400_000)).toEqual({ traces: 2, feedback: 4 });
    expect(await store.feedback.countOrphans()).toBe(0);
    expect(await store.feedback.count()).toBe(2);
    expect(await store.feedback.forTrace(ids[2] as string)).toHaveLength(2);
  });
});
