import type { Config } from "../config/settings.js";
import { readCircuit } from "../pipeline/providers/circuit-breaker.js";
import type { CounterSeries } from "../store/rollup-queries.js";
import type { Store } from "../store/store.js";
import { type GaugeSeries, readCachedGauge } from "./cached-gauges.js";
import { factsFromHeader, type ModelFacts, readShippedModelFacts } from "./model-facts.js";

export interface GaugeSources {
  /** Models whose shared circuit breaker is shown: the configured OpenAI-compatible model; none for `local`. */
  circuitModels: readonly string[];
  /** The model shipped in the package, active while none is promoted in the store. */
  shippedModel?: () => ModelFacts | undefined;
}

/** Which gauges a scrape can show for this configuration. */
export function gaugeSources(config: Config): GaugeSources {
  let shipped: { facts: ModelFacts | undefined } | undefined; // read once: the package does not change under a running server
  return {
    circuitModels: config.llmProvider === "openai" ? [config.llmModel] : [],
    shippedModel: () => {
      shipped ??= { facts: readShippedModelFacts() };
      return shipped.facts;
    },
  };
}

/**
 * Point-in-time gauges, read at scrape time from values already in the store: nothing here
 * scans history. What each gauge shows before anything was cached:
 * - moodfood_system_health, moodfood_drift_score, moodfood_training_buffer_gold_ratio:
 *   omitted (no series) until their command caches one, so an alert never fires on a made-up 0.
 * - moodfood_model_accuracy: cached if a command cached it, else each known model's held-out
 *   top-label accuracy from its header (stored versions and the shipped one).
 * - moodfood_training_buffer_size: 0 (no feedback has filled the buffer).
 * - moodfood_current_model_version: the promoted model, else the shipped one; omitted if neither is known.
 * - moodfood_feedback_score: the cached value, else (positive - negative) / total from the
 *   moodfood_user_feedback_total counters of every instance (O(series)); omitted without feedback.
 * - moodfood_llm_circuit_open: 0 or 1 per configured model from the breaker's shared state.
 */
export async function readGauges(store: Store, sources: GaugeSources): Promise<Map<string, GaugeSeries[]>> {
  const gauges = new Map<string, GaugeSeries[]>();
  const put = (name: string, series: GaugeSeries[] | undefined) => {
    if (series && series.length > 0) gauges.set(name, series);
  };
  for (const name of ["moodfood_system_health", "moodfood_drift_score", "moodfood_training_buffer_gold_ratio"]) {
    put(name, await readCachedGauge(store, name));
  }
  put("moodfood_training_buffer_size", (await readCachedGauge(store, "moodfood_training_buffer_size")) ?? [{ labels: {}, value: 0 }]);
  const models = await knownModels(store, sources);
  const active = models.find((m) => m.active);
  put(
    "moodfood_current_model_version",
    active ? [{ labels: { version: active.version }, value: 1 }] : await readCachedGauge(store, "moodfood_current_model_version"),
  );
  put(
    "moodfood_model_accuracy",
    (await readCachedGauge(store, "moodfood_model_accuracy")) ??
      models.flatMap((m) => (m.accuracy === undefined ? [] : [{ labels: { model_version: m.version }, value: m.accuracy }])),
  );
  // Fleet-wide: feedback on a trace may land on any instance, so the score sums every instance's counters.
  put(
    "moodfood_feedback_score",
    (await readCachedGauge(store, "moodfood_feedback_score")) ?? feedbackScores(await store.rollups.fleetCounterTotals(FEEDBACK_COUNTER)),
  );
  const circuits: GaugeSeries[] = [];
  for (const model of sources.circuitModels) {
    circuits.push({ labels: { model }, value: (await readCircuit(store, model)).openedAt === null ? 0 : 1 });
  }
  put("moodfood_llm_circuit_open", circuits);
  return gauges;
}

/** Stored versions (headers memoised) and the shipped model; exactly one is active when any is known. */
async function knownModels(store: Store, sources: GaugeSources): Promise<(ModelFacts & { active: boolean })[]> {
  const stored = (await store.models.list()).flatMap((m) => {
    const facts = factsFromHeader(m.header, `${m.version}\u0000${m.createdAt}`);
    return [{ version: m.version, accuracy: facts?.accuracy, active: m.active }];
  });
  const shipped = sources.shippedModel?.();
  const promoted = stored.some((m) => m.active);
  if (shipped && !stored.some((m) => m.version === shipped.version)) stored.push({ ...shipped, active: !promoted });
  else if (shipped && !promoted) for (const m of stored) m.active = m.version === shipped.version;
  return stored;
}

const FEEDBACK_COUNTER = "moodfood_user_feedback_total";

/** −1..1 per model version from the feedback counters: (positive − negative) / all. */
export function feedbackScores(counters: readonly CounterSeries[]): GaugeSeries[] {
  const tally = new Map<string, { positive: number; negative: number; total: number }>();
  for (const c of counters) {
    if (c.name !== FEEDBACK_COUNTER) continue;
    const version = c.labels.model_version ?? "none";
    const t = tally.get(version) ?? { positive: 0, negative: 0, total: 0 };
    t.total += c.value;
    if (c.labels.sentiment === "positive") t.positive += c.value;
    if (c.labels.sentiment === "negative") t.negative += c.value;
    tally.set(version, t);
  }
  return [...tally]
    .filter(([, t]) => t.total > 0)
    .map(([model_version, t]) => ({ labels: { model_version }, value: (t.positive - t.negative) / t.total }));
}
