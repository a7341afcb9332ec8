// The model on disk: a small JSON header plus one binary blob of Float32 weights, read in one go.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FeatureConfig } from "./features.js";
import type { HeldoutMetrics } from "./metrics.js";

export const ARTIFACT_FORMAT = "moodfood-classifier/1";

export interface TrainingSummary {
  examples: number;
  train_examples: number;
  heldout_examples: number;
  heldout_fraction: number;
  epochs: number;
  learning_rate: number;
  l2: number;
  positive_weight_cap: number;
  min_df: number;
  calibration_folds: number;
  seed: number;
  duration_ms: number;
}

export interface ArtifactHeader {
  format: typeof ARTIFACT_FORMAT;
  /** mf-<8 hex>: fixed by the data hash and the training configuration. */
  version: string;
  trained_at: string;
  data_hash: string;
  /** sha256 of fixtures/taxonomy.json when the features read the lexicon (lexiconWeight > 0), else null. */
  taxonomy_hash: string | null;
  labels: string[];
  feature_config: FeatureConfig;
  training: TrainingSummary;
  /** Per-label Platt scaling fitted on out-of-fold scores of the training split. */
  calibration: { method: "platt"; a: number[]; b: number[] };
  heldout_metrics: HeldoutMetrics;
  /** Top-label confidences on held-out text, as 200 quantiles: the default drift baseline. */
  confidence_reference: number[];
  weights: {
    file: string;
    layout: typeof WEIGHTS_LAYOUT;
    features: number;
    bytes: number;
    sha256: string;
  };
}

/**
 * Weights are int8 with one float32 scale per label (weight = scale[label] * q): a quarter of the
 * bytes of float32, which matters because reading the blob is most of the model's load time.
 */
export const WEIGHTS_LAYOUT =
  "uint32 buckets[features], float32 bias[labels], float32 scale[labels], int8 weights[features x labels] row-major";

export interface ClassifierArtifact {
  header: ArtifactHeader;
  /** Hash buckets kept after pruning, ascending; row i of `weights` belongs to buckets[i]. */
  buckets: Uint32Array;
  bias: Float32Array;
  scales: Float32Array;
  weights: Int8Array;
}

export function deserializeArtifact(headerJson: string, blob: Uint8Array): ClassifierArtifact {
  const header = JSON.parse(headerJson) as ArtifactHeader;
  if (header.format !== ARTIFACT_FORMAT) throw new Error(`unsupported model format ${String(header.format)}`);
  const F = header.weights.features;
  const L = header.labels.length;
  const expected = 4 * (F + 2 * L) + F * L;
  if (blob.byteLength !== expected) throw new Error(`model weights are ${blob.byteLength} bytes, expected ${expected}`);
  // Typed-array views need 4-byte alignment; a pooled Buffer may not have it.
  const bytes = blob.byteOffset % 4 === 0 ? blob : Uint8Array.from(blob);
  const buffer = bytes.buffer;
  const at = bytes.byteOffset;
  return {
    header,
    buckets: new Uint32Array(buffer, at, F),
    bias: new Float32Array(buffer, at + 4 * F, L),
    scales: new Float32Array(buffer, at + 4 * (F + L), L),
    weights: new Int8Array(buffer, at + 4 * (F + 2 * L), F * L),
  };
}

export function readArtifact(dir: string, name: string): ClassifierArtifact {
  const headerJson = readFileSync(join(dir, `${name}.json`), "utf8");
  const header = JSON.parse(headerJson) as ArtifactHeader;
  return deserializeArtifact(headerJson, readFileSync(join(dir, header.weights?.file ?? `${name}.bin`)));
}
