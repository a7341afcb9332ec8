import { UsageError, UserError } from "../errors.js";
import { type EvalReport, evaluate } from "../eval/evaluate.js";
import { type EvalCase, EvalFileError, readEvalFile } from "../eval/read-eval-file.js";
import type { RetrainResult } from "../feedback/retrain/run-retrain.js";
import { loadShippedClassifier } from "../pipeline/classifier/load.js";
import { promoteModel, saveModel, setCandidate } from "../pipeline/classifier/model-registry.js";
import { runTrain } from "../pipeline/classifier/run-train.js";
import type { Store } from "../store/store.js";
import type { CliContext } from "./context.js";
import { withRuntime, withStore } from "./with-store.js";

export interface TrainSummary {
  version: string;
  data_hash: string;
  examples: number;
  heldout_examples: number;
  heldout_macro_f1: number;
  heldout_ece: number;
  duration_ms: number;
  same_as_shipped: boolean;
  promoted: boolean;
  files: { headerPath: string; weightsPath: string } | null;
  skipped: number;
}

export async function trainAndSave(store: Store, options: { out?: string; name?: string; promote?: boolean }): Promise<TrainSummary> {
  const result = runTrain({ outDir: options.out, name: options.name });
  const header = result.artifact.header;
  const shipped = loadShippedClassifier().artifact.header;
  const sameAsShipped =
    header.version === shipped.version &&
    header.data_hash === shipped.data_hash &&
    header.heldout_metrics.macro_f1 === shipped.heldout_metrics.macro_f1;
  if (!sameAsShipped) await saveModel(store, result.artifact, Date.now());
  if (options.promote) await promoteModel(store, header.version);
  return {
    version: header.version,
    data_hash: header.data_hash,
    examples: header.training.examples,
    heldout_examples: header.training.heldout_examples,
    heldout_macro_f1: result.heldoutMacroF1,
    heldout_ece: result.ece,
    duration_ms: result.durationMs,
    same_as_shipped: sameAsShipped,
    promoted: options.promote === true,
    files: result.files ?? null,
    skipped: result.skipped.length,
  };
}

function readCases(path: string): EvalCase[] {
  try {
    return readEvalFile(path);
  } catch (error) {
    if (error instanceof EvalFileError) throw new UserError("invalid_eval_file", error.message);
    throw new UserError("unreadable_eval_file", `Cannot read ${path}: ${(error as { code?: string }).code ?? String(error)}.`);
  }
}

/** Runs every case through the real pipeline with the active model; traces go nowhere. */
export async function runEvalFile(ctx: CliContext, path: string): Promise<EvalReport> {
  const cases = readCases(path);
  return withRuntime(ctx, { traces: "none" }, (runtime) => evaluate(cases, (text) => runtime.query({ text })));
}

/** `retrain`: stage lines on a terminal's stderr while it works (stdout keeps the one result). */
export async function retrainWithProgress(ctx: CliContext, promote: boolean): Promise<RetrainResult> {
  const { runRetrain } = await import("../feedback/retrain/run-retrain.js");
  const showProgress = process.stderr.isTTY === true && !ctx.json;
  const started = performance.now();
  return withStore(ctx, (store) =>
    runRetrain(store, {
      promote,
      onStage: showProgress ? (stage) => ctx.stderr(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${stage}…\n`) : undefined,
    }),
  );
}

/** `models candidate <version>` / `--clear`. */
export async function nameCandidate(
  store: Store,
  version: string | undefined,
  clear: boolean,
  abSplit: number,
): Promise<{ candidate: string | null; ab_split: number }> {
  if (clear === (version !== undefined))
    throw new UsageError("candidate_usage", "Give either a version (moodfood models candidate mf-1a2b3c4d) or --clear.");
  return { candidate: await setCandidate(store, clear ? undefined : version, Date.now()), ab_split: abSplit };
}
