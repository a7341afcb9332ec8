// Chooses the classifier's hyperparameters and the merge policy by cross-validation inside the training split
// (decision 0017). Run by scripts/tune-hyperparameters.mjs; nothing at query time imports it.
import { loadCatalog } from "./catalog.js";
import { type CvOptions, crossValidate, featureVectors, trainingSplit } from "./classifier/cross-validate.js";
import { loadTrainingExamples } from "./classifier/data.js";
import { DEFAULT_MERGE_POLICY, decide, type MergePolicy } from "./decide.js";
import { excludedDishes } from "./dish-exclusion.js";
import { parseQuery } from "./parse.js";
import { createLocalProvider } from "./providers/local.js";
import { isKnownLabel, labelNames } from "./taxonomy.js";

export interface TuningReport {
  examples: number;
  classifier: { options: CvOptions; macroF1: number; microF1: number }[];
  chosenClassifier: CvOptions;
  policies: { policy: MergePolicy; precision: number; recall: number; f1: number }[];
  chosenPolicy: MergePolicy;
}

/** Every combination of the listed values. */
function grid<T extends object>(axes: { [K in keyof T]: readonly T[K][] }): T[] {
  let rows: Partial<T>[] = [{}];
  for (const key of Object.keys(axes) as (keyof T)[]) rows = rows.flatMap((row) => axes[key].map((value) => ({ ...row, [key]: value })));
  return rows as T[];
}

const CLASSIFIER_GRID = grid<CvOptions>({
  epochs: [8, 12],
  learningRate: [0.3],
  l2: [0.01, 0.05, 0.15, 0.3, 0.5],
  positiveWeightCap: [1, 3],
  minDf: [2, 3],
});

const POLICY_GRID = grid<Pick<MergePolicy, "mlJoinAt" | "needJoinAt" | "mlOnlyAt" | "fallbackAt" | "maxLabels" | "unsupportedJoinAt">>({
  mlJoinAt: [0.15, 0.25, 0.35, 0.5],
  needJoinAt: [0.1, 0.2, 0.3, 0.4, 0.5],
  mlOnlyAt: [0.3, 0.5],
  fallbackAt: [0.25, 0.4],
  maxLabels: [4, 5],
  unsupportedJoinAt: [0.35, 0.5, 0.65],
}).map((row) => ({ ...DEFAULT_MERGE_POLICY, ...row }));

/** The ML threshold decide() is given (MOODFOOD_ML_THRESHOLD's default): a setting, not tuned here. */
const ML_THRESHOLD = 0.5;

/** F1 differences below this are noise at ~1,900 examples: such policies are ties. */
const F1_TIE = 0.001;

/** `fixed` skips the classifier grid (to re-run the policy grid alone); the full run is the one quoted. */
export async function tune(log: (line: string) => void = () => {}, fixed?: CvOptions): Promise<TuningReport> {
  const labels = labelNames();
  const { examples: all } = loadTrainingExamples(undefined, isKnownLabel);
  const examples = trainingSplit(all);
  const vectors = featureVectors(examples);
  const classifier: TuningReport["classifier"] = [];
  let best: { options: CvOptions; macroF1: number; probabilities: Float64Array[] } | undefined;
  for (const options of fixed ? [fixed] : CLASSIFIER_GRID) {
    const { metrics, probabilities } = crossValidate(examples, vectors, labels, options);
    classifier.push({ options, macroF1: metrics.macro_f1, microF1: metrics.micro_f1 });
    log(`${JSON.stringify(options)}  macro-F1 ${metrics.macro_f1.toFixed(4)}  micro-F1 ${metrics.micro_f1.toFixed(4)}`);
    // Ties (within 0.002) keep the earlier, cheaper and more regularised configuration.
    if (!best || metrics.macro_f1 > best.macroF1 + 0.002) best = { options, macroF1: metrics.macro_f1, probabilities };
  }
  if (!best) throw new Error("empty grid");

  // The merge policy is scored on what each training query would get: the parser's labels and the
  // out-of-fold ML probabilities of the chosen configuration, merged by decide().
  const catalog = loadCatalog();
  const provider = createLocalProvider();
  const cases = await Promise.all(
    examples.map(async (example, n) => {
      const parsed = parseQuery(example.q);
      const llm = await provider.parse(parsed);
      const probs = best.probabilities[n] ?? new Float64Array(labels.length);
      const ml = labels.map((label, l) => ({ label, score: probs[l] ?? 0 })).sort((a, b) => b.score - a.score);
      const excludes = parsed.negatedLabels.length > 0 || excludedDishes(catalog, parsed.negatedWords ?? []).dishes.size > 0;
      return { truth: new Set(example.labels), parsed, llm: { labels: llm.labels, confidence: llm.confidence }, ml, excludes };
    }),
  );
  const policies: TuningReport["policies"] = [];
  for (const policy of POLICY_GRID) {
    let tp = 0;
    let predicted = 0;
    let support = 0;
    for (const c of cases) {
      const llm = c.llm.labels.length > 0 ? c.llm : { labels: [], confidence: 0 };
      const result = decide({ llm, ml: c.ml, parsed: c.parsed, threshold: ML_THRESHOLD, excludes: c.excludes }, policy);
      predicted += result.labels.length;
      support += c.truth.size;
      for (const label of result.labels) if (c.truth.has(label)) tp++;
    }
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    policies.push({ policy, precision, recall, f1 });
  }
  // Among ties the most precise policy wins: it claims less about the person at no recall the CV can measure;
  // among policies that answer alike, the one with the higher bars (later in the grid).
  const bestF1 = Math.max(...policies.map((row) => row.f1));
  const chosen = policies
    .map((row, at) => ({ row, at }))
    .filter(({ row }) => row.f1 >= bestF1 - F1_TIE)
    .sort((a, b) => b.row.precision - a.row.precision || b.at - a.at)[0]?.row;
  if (!chosen) throw new Error("empty policy grid");
  return { examples: examples.length, classifier, chosenClassifier: best.options, policies, chosenPolicy: chosen.policy };
}
