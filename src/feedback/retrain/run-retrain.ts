import { randomUUID } from "node:crypto";
import { UserError } from "../../errors.js";
import { cacheGauge } from "../../metrics/cached-gauges.js";
import { loadActiveClassifier } from "../../pipeline/classifier/active.js";
import { loadShippedClassifier } from "../../pipeline/classifier/load.js";
import { createClassifier } from "../../pipeline/classifier/model.js";
import { candidateVersion, promoteModel, saveModel, setCandidate } from "../../pipeline/classifier/model-registry.js";
import { trainClassifier } from "../../pipeline/classifier/train.js";
import { labelNames } from "../../pipeline/taxonomy.js";
import type { Store } from "../../store/store.js";
import { readTrainingBuffer, type TrainingBuffer } from "../buffer/training-buffer.js";
import { type CuratedData, loadCuratedData } from "./gate-set.js";
import { type GateVerdict, judgeCandidate } from "./promotion-gate.js";
import { type ModelScores, scoreModel } from "./score-model.js";

export type RetrainStatus = "promoted" | "passed" | "rejected" | "identical";
export type RetrainStage = "reading feedback" | "training the candidate" | "scoring on held-out data" | "saving";

/** The `retrain --json` document (DESIGN §7 fields first). */
export interface RetrainResult {
  candidate: string;
  active: string;
  promoted: boolean;
  reason: string;
  scores: { candidate: ModelScores; active: ModelScores; set: string };
  buffer: Omit<TrainingBuffer, "examples">;
  run_id: string;
  status: RetrainStatus;
  trigger: string;
  gate: Omit<GateVerdict, "reason">;
  samples: number;
  duration_ms: number;
}

export interface RetrainOptions {
  promote: boolean;
  trigger?: string;
  now?: () => number;
  onStage?: (stage: RetrainStage) => void;
  /** Replaces the packaged training and gate data (tests). */
  curated?: CuratedData;
}

/** Trains a candidate from the curated data plus the feedback buffer, judges it against the active model, records the run. */
export async function runRetrain(store: Store, options: RetrainOptions): Promise<RetrainResult> {
  const now = options.now ?? Date.now;
  const started = now();
  const clock = performance.now();
  const trigger = options.trigger ?? "manual";
  options.onStage?.("reading feedback");
  const curated = options.curated ?? loadCuratedData();
  const { examples, ...buffer } = await readTrainingBuffer(store, { knownTexts: curated.knownTexts, baseExamples: curated.base.length });
  await cacheBufferGauges(store, buffer, started);

  options.onStage?.("training the candidate");
  let candidate: ReturnType<typeof createClassifier>;
  try {
    const extraTrain = examples.map(({ q, labels }) => ({ q, labels }));
    candidate = createClassifier(trainClassifier(curated.base, { labels: labelNames(), extraTrain, now: () => new Date(now()) }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    await recordFailure(store, { trigger, started, buffer, reason: detail, durationMs: performance.now() - clock });
    throw new UserError("retrain_failed", `No candidate could be trained: ${detail}.`);
  }
  const active = await loadActiveClassifier(store);

  options.onStage?.("scoring on held-out data");
  const scores = { candidate: scoreModel(candidate, curated.gate), active: scoreModel(active, curated.gate), set: "fixtures/gate" };
  const identical = candidate.version === active.version;
  const verdict: GateVerdict = identical
    ? { pass: false, regressions: [], reason: "the candidate is the active model itself (the feedback added nothing it did not have)" }
    : judgeCandidate(scores.candidate, scores.active);

  options.onStage?.("saving");
  const promoted = options.promote && verdict.pass;
  const status: RetrainStatus = identical ? "identical" : promoted ? "promoted" : verdict.pass ? "passed" : "rejected";
  const reason = identical
    ? verdict.reason
    : promoted
      ? `promoted: ${verdict.reason}`
      : verdict.pass
        ? `gate passed (${verdict.reason}); promote with --promote`
        : `refused: ${verdict.reason}`;
  const result: RetrainResult = {
    candidate: candidate.version,
    active: active.version,
    promoted,
    reason,
    scores,
    buffer,
    run_id: randomUUID(),
    status,
    trigger,
    gate: { pass: verdict.pass, regressions: verdict.regressions },
    samples: candidate.artifact.header.training.examples,
    duration_ms: 0,
  };
  const shipped = loadShippedClassifier().version;
  if (!identical && candidate.version !== shipped && !(await store.models.get(candidate.version)))
    await saveModel(store, candidate.artifact, now());
  if (promoted) {
    await promoteModel(store, candidate.version);
    if ((await candidateVersion(store)) === candidate.version) await setCandidate(store, undefined, now());
  }
  result.duration_ms = Math.round(performance.now() - clock);
  await recordRun(store, result, started);
  return result;
}

async function recordRun(store: Store, r: RetrainResult, started: number): Promise<void> {
  await store.transaction(async () => {
    await store.models.recordRetrain({
      run_id: r.run_id,
      started_at: started,
      duration_ms: r.duration_ms,
      trigger: r.trigger,
      status: r.status,
      candidate: r.candidate,
      active: r.active,
      promoted: r.promoted ? 1 : 0,
      reason: r.reason,
      samples: r.samples,
      gold: r.buffer.gold,
      silver: r.buffer.silver,
      gold_ratio: r.buffer.gold_ratio,
      scores: JSON.stringify(r.scores),
      buffer: JSON.stringify(r.buffer),
    });
    const labels = { status: r.status, trigger: r.trigger, model_version: r.candidate };
    await store.rollups.apply([{ name: "moodfood_retrains_total", labels, value: 1 }], [], started);
  });
}

async function recordFailure(
  store: Store,
  f: { trigger: string; started: number; buffer: Omit<TrainingBuffer, "examples">; reason: string; durationMs: number },
): Promise<void> {
  await store.transaction(async () => {
    await store.models.recordRetrain({
      run_id: randomUUID(),
      started_at: f.started,
      duration_ms: Math.round(f.durationMs),
      trigger: f.trigger,
      status: "failed",
      candidate: null,
      active: "",
      promoted: 0,
      reason: f.reason,
      samples: 0,
      gold: f.buffer.gold,
      silver: f.buffer.silver,
      gold_ratio: f.buffer.gold_ratio,
      scores: "{}",
      buffer: JSON.stringify(f.buffer),
    });
    const labels = { status: "failed", trigger: f.trigger, model_version: "none" };
    await store.rollups.apply([{ name: "moodfood_retrains_total", labels, value: 1 }], [], f.started);
  });
}

/** moodfood_training_buffer_size and _gold_ratio, cached for the scrape (computing them reads all feedback). */
export async function cacheBufferGauges(store: Store, buffer: Pick<TrainingBuffer, "size" | "gold_ratio">, at: number): Promise<void> {
  if (store.readonly) return;
  await cacheGauge(store, "moodfood_training_buffer_size", [{ labels: {}, value: buffer.size }], at);
  await cacheGauge(store, "moodfood_training_buffer_gold_ratio", [{ labels: {}, value: buffer.gold_ratio }], at);
}
