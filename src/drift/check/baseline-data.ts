import type { Store } from "../../store/store.js";
import { readWindow, type WindowData } from "./window-data.js";
import type { ResolvedBaseline } from "./windows.js";

export { type BaselineSpec, resolveBaseline } from "./windows.js";

/** The baseline's samples: a stored window, or the model's reference confidences (no other signals). */
export async function readWindowOrReference(
  store: Store,
  baseline: ResolvedBaseline,
  modelVersion: string,
  reference: number[],
): Promise<WindowData> {
  if (baseline.kind === "model" || baseline.start === null || baseline.end === null) {
    return {
      n: reference.length,
      confidences: Float64Array.from(reference),
      labels: {},
      labelledTraces: 0,
      decisions: {},
      agreement: {},
      feedback: {},
    };
  }
  return readWindow(store, baseline.start, baseline.end, modelVersion);
}
