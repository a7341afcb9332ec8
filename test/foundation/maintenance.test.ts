import { describe, expect, it } from "vitest";
import { storeSink } from "../../src/runtime/store-sink.js";
import { effectiveStatus, pruneTraces, runMaintenance } from "../../src/tracing/maintenance.js";
import { endTrace, startTrace, traceWritten } from "../../src/tracing/tracer.js";
import { openTestStore } from "../support/test-store.js";

const HOUR = 3_600_000;

describe("abandoned traces and retention", () => {
  it("reports a stale active trace as abandoned and the sweep marks it", async () => {
    const store = await openTestStore();
    const now = Date.UTC(2026, 10, 20);
    const stale = startTrace({ query: "died mid-query", sink: storeSink(store), now: () => now - 30 * HOUR });
    const fresh = startTrace({ query: "still running", sink: storeSink(store), now: () => now - HOUR });
    await traceWritten(stale);
    await traceWritten(fresh);
    const listed = await store.traces.list({ limit: 10, status: "abandoned", abandonedBefore: now - 24 * HOUR });
    expect(listed.map((t) => t.trace_id)).toEqual([stale.record.trace_id]);
    expect(effectiveStatus(listed[0]!, now, 24)).toBe("abandoned");

    const result = await runMaintenance(store, { now, traceCleanupHours: 24, retentionDays: 0 });
    expect(result).toMatchObject({ ran: true, abandoned: 1 });
    expect((await store.traces.get(stale.record.trace_id))?.status).toBe("abandoned");
    expect((await store.traces.get(fresh.record.trace_id))?.status).toBe("active");
    // At most once an hour.
    expect((await runMaintenance(store, { now: now + 60_000, traceCleanupHours: 24, retentionDays: 0 })).ran).toBe(false);
  });

  it("prunes old traces but keeps the metric counters", async () => {
    const store = await openTestStore();
    const now = Date.UTC(2026, 10, 20);
    for (const age of [100, 50, 1]) {
      const t = startTrace({ query: `age ${age}d`, sink: storeSink(store), now: () => now - age * 24 * HOUR });
      endTrace(t, { final_decision: "llm_fallback", model_version: "m" });
      await traceWritten(t);
    }
    expect(await pruneTraces(store, now - 90 * 24 * HOUR)).toBe(1);
    expect(await store.traces.count()).toBe(2);
    const total = (await store.rollups.counterTotals()).find((c) => c.name === "moodfood_queries_total");
    expect(total?.value).toBe(3);
    expect((await runMaintenance(store, { now, traceCleanupHours: 24, retentionDays: 30 })).pruned).toBe(1);
    expect(await store.traces.count()).toBe(1);
  });

  it("never mass-deletes on a clock far ahead of the stored data, and resets a marker left in the future", async () => {
    const store = await openTestStore();
    const now = Date.UTC(2026, 10, 20);
    for (let day = 0; day < 20; day++) {
      const t = startTrace({ query: `day ${day}`, sink: storeSink(store), now: () => now - day * 24 * HOUR });
      endTrace(t, { final_decision: "llm_fallback", model_version: "m" });
      await traceWritten(t);
    }
    const ahead = now + 400 * 24 * HOUR;
    const wrongClock = startTrace({ query: "run with a wrong clock", sink: storeSink(store), now: () => ahead });
    endTrace(wrongClock);
    await traceWritten(wrongClock);
    expect(await runMaintenance(store, { now: ahead, traceCleanupHours: 24, retentionDays: 90 })).toMatchObject({
      ran: false,
      skewed: true,
    });
    expect(await store.traces.count()).toBe(21);
    // The clock is put right: a marker in the future (here from an earlier version) does not switch upkeep off.
    await store.transaction(() => store.meta.set("maintenance.last_run", ahead, ahead));
    expect(await runMaintenance(store, { now, traceCleanupHours: 24, retentionDays: 10 })).toMatchObject({ ran: true, pruned: 9 });
  });
});
