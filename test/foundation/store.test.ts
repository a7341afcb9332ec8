import { describe, expect, it } from "vitest";
import { storeSink } from "../../src/runtime/store-sink.js";
import { isTraceId } from "../../src/tracing/ids.js";
import { endTrace, startTrace, traceStage, traceWritten } from "../../src/tracing/tracer.js";
import { openTestStore } from "../support/test-store.js";

describe("store + tracer", () => {
  it("writes a trace active at start and completes it with rollups", async () => {
    const store = await openTestStore();
    const trace = startTrace({ query: "sad", sink: storeSink(store) });
    await traceWritten(trace);
    expect((await store.traces.get(trace.record.trace_id))?.status).toBe("active");
    await traceStage(trace, "parse", () => 1);
    endTrace(trace, { labels: ["emotion_sad"], final_decision: "llm_fallback", model_version: "m1" });
    await traceWritten(trace);
    const stored = await store.traces.get(trace.record.trace_id);
    expect(stored?.status).toBe("ok");
    expect(stored?.spans.map((s) => s.name)).toEqual(["parse"]);
    expect(isTraceId(trace.record.trace_id)).toBe(true);
    const total = (await store.rollups.counterTotals()).find((c) => c.name === "moodfood_queries_total");
    expect(total).toMatchObject({ value: 1, labels: { status: "ok", decision: "llm_fallback", model_version: "m1" } });
    const hist = (await store.rollups.histogramTotals()).find(
      (h) => h.name === "moodfood_query_processing_time_ms" && h.labels.stage === "total",
    );
    expect(hist?.count).toBe(1);
  });

  it("records a failed stage and ends the trace as error", async () => {
    const store = await openTestStore();
    const trace = startTrace({ query: "x", sink: storeSink(store) });
    await expect(
      traceStage(trace, "parse", () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    endTrace(trace, { error: new Error("boom") });
    await traceWritten(trace);
    const stored = await store.traces.get(trace.record.trace_id);
    expect(stored?.status).toBe("error");
    expect(stored?.spans[0]).toMatchObject({ name: "parse", status: "error", error: "boom" });
  });

  it("finds traces by prefix", async () => {
    const store = await openTestStore();
    const a = startTrace({ query: "a", sink: storeSink(store) });
    await traceWritten(a);
    expect(await store.traces.findByPrefix(a.record.trace_id.slice(0, 8), 5)).toHaveLength(1);
  });

  it("stores a query holding NUL and reads it back (PostgreSQL's text has no NUL: U+FFFD there)", async () => {
    const store = await openTestStore();
    const trace = startTrace({ query: "sad\u0000[", sink: storeSink(store) });
    endTrace(trace, { labels: ["emotion_sad"], final_decision: "ml_only", model_version: "m1" });
    await traceWritten(trace);
    const stored = await store.traces.get(trace.record.trace_id);
    expect(stored?.status).toBe("ok");
    expect(stored?.query).toBe(store.backend === "postgres" ? "sad\uFFFD[" : "sad\u0000[");
  });
});
