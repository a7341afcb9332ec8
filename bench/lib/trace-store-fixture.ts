// Builds a store of N realistic traces for the trace benchmarks: real traces from `moodfood simulate`
// cloned with fresh ids and start times over 90 days, written through the store's own batch path.

import { rollupsForTrace } from "../../src/metrics/trace-rollups.js";
import type { TraceRecord } from "../../src/records/trace.js";
import { openStore } from "../../src/store/store.js";
import { findTrace } from "../../src/tracing/find-trace.js";
import { newSpanId, newTraceId } from "../../src/tracing/ids.js";

export { findTrace, openStore };

const DAY_MS = 86_400_000;

export async function cloneInto(sampleDir: string, targetDir: string, total: number, now: number): Promise<void> {
  const sample = await openStore(sampleDir);
  const templates = await sample.traces.list({ limit: 1_000_000 });
  await sample.close();
  const store = await openStore(targetDir);
  const have = await store.traces.count();
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  const batch: TraceRecord[] = [];
  for (let i = have; i < total; i++) {
    const t = templates[Math.floor(random() * templates.length)] as TraceRecord;
    const started = now - 90 * DAY_MS + Math.floor((i / total) * 90 * DAY_MS);
    const root = newSpanId();
    batch.push({
      ...t,
      trace_id: newTraceId(),
      root_span_id: root,
      request_id: newSpanId(),
      started_at: started,
      ended_at: started + (t.duration_ms ?? 0),
      spans: t.spans.map((s) => ({ ...s, span_id: newSpanId(), parent_span_id: root })),
    });
    if (batch.length === 5000) await store.completeTraces(batch.splice(0).map(rollupsForTrace));
  }
  if (batch.length) await store.completeTraces(batch.map(rollupsForTrace));
  await store.checkpoint();
  await store.close();
}
