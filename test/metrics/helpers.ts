import type { FinalDecision } from "../../src/pipeline/types.js";
import { storeSink } from "../../src/runtime/store-sink.js";
import type { Store } from "../../src/store/store.js";
import { endTrace, startTrace, traceStage, traceWritten } from "../../src/tracing/tracer.js";
import { openTestStore } from "../support/test-store.js";

export interface FakeQuery {
  decision?: FinalDecision;
  modelVersion?: string;
  fail?: boolean;
  llm?: { model: string; status: "ok" | "error"; reason?: string };
}

/** Runs one traced fake query through the real tracer and store sink (rollups included). */
export async function recordQuery(store: Store, q: FakeQuery = {}): Promise<string> {
  const trace = startTrace({ query: "I'm sad", sink: storeSink(store) });
  await traceStage(trace, "parse", () => 1);
  if (q.llm) {
    const llm = q.llm;
    await traceStage(
      trace,
      "llm_call",
      (span) => {
        span.attributes["moodfood.llm.reason"] = llm.reason ?? (llm.status === "ok" ? "ok" : "timeout");
        if (llm.status === "error") throw new Error("llm failed");
      },
      { "gen_ai.request.model": llm.model },
    ).catch(() => {});
  }
  await traceStage(trace, "recommend", () => 1);
  const done = q.fail
    ? endTrace(trace, { error: new Error("boom"), model_version: q.modelVersion ?? "m1" })
    : endTrace(trace, { final_decision: q.decision ?? "llm_fallback", model_version: q.modelVersion ?? "m1", labels: ["emotion_sad"] });
  await traceWritten(trace);
  return done.trace_id;
}

/** A fresh store on the test project's backend (see test/support/test-store.ts). */
export function memoryStore(): Promise<Store> {
  return openTestStore();
}
