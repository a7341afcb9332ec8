import type { Example } from "../../pipeline/classifier/data.js";
import { heldoutMetrics } from "../../pipeline/classifier/metrics.js";
import type { TrainedClassifier } from "../../pipeline/classifier/model.js";

/** A model's scores on the gate set (what `retrain --json` prints under scores.candidate / scores.active). */
export interface ModelScores {
  version: string;
  examples: number;
  macro_f1: number;
  micro_f1: number;
  top_label_accuracy: number;
  ece: number;
  /** F1 per label that occurs in the gate set, with its support. */
  per_label: Record<string, { f1: number; support: number }>;
}

export function scoreModel(classifier: TrainedClassifier, examples: readonly Example[]): ModelScores {
  const labels = classifier.artifact.header.labels;
  const index = new Map(labels.map((label, l) => [label, l]));
  const probabilities = examples.map((e) => classifier.probabilities(e.q));
  const targets = examples.map((e) => {
    const target = new Uint8Array(labels.length);
    for (const label of e.labels) {
      const l = index.get(label);
      if (l !== undefined) target[l] = 1;
    }
    return target;
  });
  const m = heldoutMetrics(probabilities, targets, labels);
  const perLabel: ModelScores["per_label"] = {};
  for (const [label, s] of Object.entries(m.per_label)) if (s.support > 0) perLabel[label] = { f1: s.f1, support: s.support };
  return {
    version: classifier.version,
    examples: m.examples,
    macro_f1: m.macro_f1,
    micro_f1: m.micro_f1,
    top_label_accuracy: m.top_label_accuracy,
    ece: m.ece,
    per_label: perLabel,
  };
}
