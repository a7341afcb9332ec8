import { packagePath } from "../../config/package-path.js";
import { type Example, loadTrainingExamples } from "../../pipeline/classifier/data.js";
import { isKnownLabel } from "../../pipeline/taxonomy.js";
import { normaliseText } from "../buffer/training-buffer.js";

/** The curated data a retrain starts from, and the gate set it is judged on (fixtures/gate: never trained or tuned on). */
export interface CuratedData {
  base: Example[];
  gate: Example[];
  /** Normalised texts of both: feedback never relabels a curated or evaluation query. */
  knownTexts: Set<string>;
}

export function loadCuratedData(dirs: { training?: string; gate?: string } = {}): CuratedData {
  const base = loadTrainingExamples(dirs.training ?? packagePath("fixtures", "training"), (l) => isKnownLabel(l)).examples;
  const gate = loadTrainingExamples(dirs.gate ?? packagePath("fixtures", "gate"), (l) => isKnownLabel(l)).examples;
  const knownTexts = new Set([...base, ...gate].map((e) => normaliseText(e.q)));
  return { base, gate, knownTexts };
}
