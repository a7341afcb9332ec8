// `moodfood train`: load the training data, train, evaluate on the held-out split, optionally write the model.
import { packagePath } from "../../config/package-path.js";
import { isKnownLabel, labelNames } from "../taxonomy.js";
import type { ClassifierArtifact } from "./artifact.js";
import { writeArtifact } from "./artifact-write.js";
import { type Example, loadTrainingExamples } from "./data.js";
import type { HeldoutMetrics } from "./metrics.js";
import { type TrainOptions, trainClassifier } from "./train.js";

export interface RunTrainOptions {
  /** Where to write <name>.json and <name>.bin; nothing is written without it. */
  outDir?: string;
  /** File base name; defaults to the model version. */
  name?: string;
  /** Directory of *.jsonl training files; defaults to the package's fixtures/training. */
  dataDir?: string;
  /** Extra examples (e.g. the feedback retraining buffer), added to the files' examples. */
  extraExamples?: readonly Example[];
  train?: Partial<Omit<TrainOptions, "labels">>;
  now?: () => Date;
}

export interface RunTrainResult {
  artifact: ClassifierArtifact;
  metrics: HeldoutMetrics;
  heldoutMacroF1: number;
  ece: number;
  durationMs: number;
  skipped: { file: string; line: number; reason: string }[];
  files?: { headerPath: string; weightsPath: string };
}

export function runTrain(options: RunTrainOptions = {}): RunTrainResult {
  const started = performance.now();
  const { examples, skipped } = loadTrainingExamples(options.dataDir ?? packagePath("fixtures", "training"), (label) =>
    isKnownLabel(label),
  );
  const all = options.extraExamples ? mergeExamples(examples, options.extraExamples) : examples;
  const artifact = trainClassifier(all, { ...options.train, labels: labelNames(), now: options.now });
  const files = options.outDir ? writeArtifact(options.outDir, artifact, options.name) : undefined;
  const metrics = artifact.header.heldout_metrics;
  return {
    artifact,
    metrics,
    heldoutMacroF1: metrics.macro_f1,
    ece: metrics.ece,
    durationMs: Math.round(performance.now() - started),
    skipped,
    files,
  };
}

/** File examples plus extra ones, de-duplicated by query (labels merged) and sorted like loadTrainingExamples. */
function mergeExamples(base: readonly Example[], extra: readonly Example[]): Example[] {
  const byQuery = new Map<string, Set<string>>();
  for (const example of [...base, ...extra]) {
    const key = example.q.trim();
    const labels = byQuery.get(key) ?? new Set<string>();
    for (const label of example.labels) if (isKnownLabel(label)) labels.add(label);
    byQuery.set(key, labels);
  }
  return [...byQuery]
    .map(([q, labels]) => ({ q, labels: [...labels].sort() }))
    .filter((example) => example.labels.length > 0)
    .sort((a, b) => (a.q < b.q ? -1 : a.q > b.q ? 1 : 0));
}
