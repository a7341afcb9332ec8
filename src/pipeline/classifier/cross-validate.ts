// K-fold cross-validation inside the training split: how hyperparameters are chosen (decision 0017).
// The internal held-out split is dropped before anything is read, so no choice ever sees it.
import { applyPlatt, fitPlatt, IDENTITY } from "./calibration.js";
import { type Example, isHeldout, textFraction } from "./data.js";
import { DEFAULT_FEATURE_CONFIG, extractFeatures, type SparseVector } from "./features.js";
import { lexiconSignal } from "./lexicon-signal.js";
import { fitLogistic, logits } from "./logistic.js";
import { type HeldoutMetrics, heldoutMetrics } from "./metrics.js";
import { buildDesign, DEFAULT_TRAIN_OPTIONS, PLATT_PULL, positiveWeights } from "./train.js";

export interface CvOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  positiveWeightCap: number;
  minDf: number;
}

export interface CvResult {
  metrics: HeldoutMetrics;
  /** Calibrated out-of-fold probabilities, one row per example (labels in the given order). */
  probabilities: Float64Array[];
}

/** The examples a tuning run may read: the training split, never the held-out one. */
export function trainingSplit(examples: readonly Example[]): Example[] {
  return examples.filter((example) => !isHeldout(example.q, DEFAULT_TRAIN_OPTIONS.heldoutFraction));
}

/** Feature vectors of the examples, computed once and shared by every configuration of a grid. */
export function featureVectors(examples: readonly Example[]): SparseVector[] {
  const config = DEFAULT_FEATURE_CONFIG;
  return examples.map((example) => extractFeatures(example.q, config, config.lexiconWeight > 0 ? lexiconSignal(example.q) : undefined));
}

/**
 * Each fold is scored by a model trained on the others (pruned on their document frequencies); the
 * out-of-fold logits get one Platt fit per label, as shipped training does, and are scored at 0.5.
 */
export function crossValidate(
  examples: readonly Example[],
  vectors: readonly SparseVector[],
  labels: readonly string[],
  options: CvOptions,
  folds = 5,
): CvResult {
  const fold = examples.map((example) => Math.floor(textFraction(example.q, "cv:") * folds));
  const L = labels.length;
  const outOfFold: Float64Array[] = examples.map(() => new Float64Array(L));
  let targets: Uint8Array[] = [];
  for (let k = 0; k < folds; k++) {
    const df = new Map<number, number>();
    fold.forEach((f, n) => {
      if (f !== k) for (const bucket of vectors[n]?.buckets ?? []) df.set(bucket, (df.get(bucket) ?? 0) + 1);
    });
    const kept = [...df].filter(([, count]) => count >= options.minDf).map(([bucket]) => bucket);
    const rowOf = new Map(kept.sort((a, b) => a - b).map((bucket, row) => [bucket, row]));
    const design = buildDesign([...vectors], examples, rowOf, labels);
    targets = design.targets;
    const subset = Int32Array.from(fold.flatMap((f, n) => (f === k ? [] : [n])));
    const model = fitLogistic(design, subset, {
      ...options,
      seed: DEFAULT_TRAIN_OPTIONS.seed,
      positiveWeight: positiveWeights(design, subset, options.positiveWeightCap),
    });
    fold.forEach((f, n) => {
      if (f === k) logits(model, design.rows[n] ?? [], design.values[n] ?? [], outOfFold[n] ?? new Float64Array(L));
    });
  }
  const column = (l: number): number[] => outOfFold.map((z) => z[l] ?? 0);
  const truth = (l: number): number[] => targets.map((t) => t[l] ?? 0);
  const shared = fitPlatt(
    labels.flatMap((_, l) => column(l)),
    labels.flatMap((_, l) => truth(l)),
    IDENTITY,
    1,
  );
  const platt = labels.map((_, l) => fitPlatt(column(l), truth(l), shared, PLATT_PULL));
  const probabilities = outOfFold.map((z) => Float64Array.from(z, (score, l) => applyPlatt(platt[l] ?? IDENTITY, score)));
  return { metrics: heldoutMetrics(probabilities, targets, labels), probabilities };
}
