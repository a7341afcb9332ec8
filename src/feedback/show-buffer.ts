import type { Store } from "../store/store.js";
import { readTrainingBuffer, type TrainingBuffer } from "./buffer/training-buffer.js";
import { loadCuratedData } from "./retrain/gate-set.js";
import { cacheBufferGauges } from "./retrain/run-retrain.js";

/** `feedback buffer`: what the next retrain would add, cached as the buffer gauges for the scrape. */
export async function showBuffer(store: Store, now: number): Promise<Omit<TrainingBuffer, "examples">> {
  const curated = loadCuratedData();
  const { examples: _examples, ...buffer } = await readTrainingBuffer(store, {
    knownTexts: curated.knownTexts,
    baseExamples: curated.base.length,
  });
  await cacheBufferGauges(store, buffer, now);
  return buffer;
}
