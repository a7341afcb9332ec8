import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { storeSink } from "../../src/runtime/store-sink.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { openStore } from "../../src/store/store.js";
import { isTraceId } from "../../src/tracing/ids.js";
import { endTrace, startTrace, traceStage, traceWritten } from "../../src/tracing/tracer.js";

describe("store + tracer", () => {
  it("writes a trace active at start and completes it with rollups", async () => {
    const store = await openStore(":memory:");
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
    const store = await openStore(":memory:");
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
    const store = await openStore(":memory:");
    const a = startTrace({ query: "a", sink: storeSink(store) });
    await traceWritten(a);
    expect(await store.traces.findByPrefix(a.record.trace_id.slice(0, 8), 5)).toHaveLength(1);
  });

  it("migrates a data dir once and reopens it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-store-"));
    await (await openStore(dir)).close();
    await (await openStore(dir)).close();
    const raw = new Database(join(dir, "moodfood.db"), { readonly: true });
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("auto_vacuum", { simple: true })).toBe(2);
    raw.close();
  });
});
