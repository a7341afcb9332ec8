import { rollupsForTrace } from "../../src/metrics/trace-rollups.js";
import type { TraceRecord } from "../../src/records/trace.js";
import type { Store } from "../../src/store/store.js";
import { newSpanId, newTraceId } from "../../src/tracing/ids.js";

export interface SeedTrace {
  at: number;
  confidence: number;
  labels: string[];
  decision?: string;
  agreement?: boolean | null;
  modelVersion?: string;
}

/** Writes finished traces straight into the store, as the batched sink would. */
export async function seedTraces(store: Store, traces: SeedTrace[]): Promise<void> {
  await store.completeTraces(
    traces.map((t) => {
      const record: TraceRecord = {
        trace_id: newTraceId(),
        root_span_id: newSpanId(),
        started_at: t.at,
        ended_at: t.at + 2,
        duration_ms: 2,
        status: "ok",
        query: "seeded",
        labels: t.labels,
        confidence: t.confidence,
        final_decision: t.decision ?? "ml_validated",
        model_version: t.modelVersion ?? "m1",
        request_id: newSpanId(),
        user_id: null,
        session_id: null,
        error: null,
        spans: [],
        recommendations: [],
        agreement: t.agreement === undefined ? true : t.agreement,
      };
      return rollupsForTrace(record);
    }),
  );
}

/** A deterministic PRNG so seeded windows are the same every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
