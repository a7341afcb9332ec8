// One-vs-rest logistic regression over sparse features, trained with AdaGrad in a seeded order.

/** Examples as rows of the pruned feature space: row indices and values per example, 0/1 targets per label. */
export interface Design {
  rows: Int32Array[];
  values: Float32Array[];
  targets: Uint8Array[];
  featureCount: number;
  labelCount: number;
}

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to the rows an example touches (sparse weight decay). */
  l2: number;
  /** Extra weight of positive examples per label; rare labels need it to be found at all. */
  positiveWeight: Float64Array;
  seed: number;
}

export interface LogisticModel {
  /** featureCount x labelCount, row-major: one contiguous row of label weights per feature. */
  weights: Float64Array;
  bias: Float64Array;
  featureCount: number;
  labelCount: number;
}

/** mulberry32: a small, fast, seeded generator, so training never touches Math.random. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(count: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
  return order;
}

/** Gradients smaller than this are skipped: they would barely move the weights. */
const SKIP_BELOW = 2e-3;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Raw scores (logits) of one example for every label, written into `out`. */
export function logits(model: LogisticModel, rows: ArrayLike<number>, values: ArrayLike<number>, out: Float64Array): Float64Array {
  const { weights, bias, labelCount: L } = model;
  out.set(bias);
  for (let k = 0; k < rows.length; k++) {
    const base = (rows[k] ?? 0) * L;
    const v = values[k] ?? 0;
    for (let l = 0; l < L; l++) out[l] = (out[l] ?? 0) + v * (weights[base + l] ?? 0);
  }
  return out;
}

export function fitLogistic(design: Design, subset: Int32Array, options: LogisticOptions): LogisticModel {
  const { featureCount: F, labelCount: L } = design;
  const model: LogisticModel = { weights: new Float64Array(F * L), bias: new Float64Array(L), featureCount: F, labelCount: L };
  const squaredWeights = new Float64Array(F * L).fill(1e-8);
  const squaredBias = new Float64Array(L).fill(1e-8);
  const z = new Float64Array(L);
  const gradient = new Float64Array(L);
  const activeLabels = new Int32Array(L);
  const random = seededRandom(options.seed);
  const { weights, bias } = model;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffled(subset.length, random);
    for (let n = 0; n < order.length; n++) {
      const example = subset[order[n] ?? 0] ?? 0;
      const rows = design.rows[example] ?? new Int32Array(0);
      const values = design.values[example] ?? new Float32Array(0);
      const targets = design.targets[example] ?? new Uint8Array(L);
      logits(model, rows, values, z);
      // Labels already predicted well for this example get no update: most of them, after the first epochs.
      let active = 0;
      for (let l = 0; l < L; l++) {
        const y = targets[l] ?? 0;
        const weight = y === 1 ? (options.positiveWeight[l] ?? 1) : 1;
        const g = (sigmoid(z[l] ?? 0) - y) * weight;
        if (Math.abs(g) < SKIP_BELOW) continue;
        activeLabels[active] = l;
        gradient[active] = g;
        active++;
        squaredBias[l] = (squaredBias[l] ?? 0) + g * g;
        bias[l] = (bias[l] ?? 0) - (options.learningRate * g) / Math.sqrt(squaredBias[l] ?? 1);
      }
      for (let k = 0; k < rows.length; k++) {
        const base = (rows[k] ?? 0) * L;
        const v = values[k] ?? 0;
        for (let j = 0; j < active; j++) {
          const at = base + (activeLabels[j] ?? 0);
          const w = weights[at] ?? 0;
          const g = v * (gradient[j] ?? 0) + options.l2 * w;
          squaredWeights[at] = (squaredWeights[at] ?? 0) + g * g;
          weights[at] = w - (options.learningRate * g) / Math.sqrt(squaredWeights[at] ?? 1);
        }
      }
    }
  }
  return model;
}
