import type { ModelSummary } from "../../pipeline/classifier/model-registry.js";
import type { CliContext } from "../context.js";
import type { TrainSummary } from "../model-runner.js";
import { paint } from "./paint.js";
import { timestamp } from "./timestamp.js";

export function renderTrain(r: TrainSummary, ctx: CliContext): string {
  const p = paint(ctx.color);
  return [
    `${p.bold("Trained")} ${r.version} in ${(r.duration_ms / 1000).toFixed(1)} s on ${r.examples} examples (data ${r.data_hash.slice(0, 12)})`,
    `held-out (${r.heldout_examples} queries never trained on): macro-F1 ${r.heldout_macro_f1.toFixed(3)}, calibration error (ECE) ${r.heldout_ece.toFixed(3)}`,
    r.same_as_shipped
      ? p.green("Identical to the shipped model (same version, data hash and held-out scores).")
      : `Saved as ${r.version}${r.promoted ? " and promoted" : `; promote with: moodfood models promote ${r.version}`}.`,
    ...(r.files ? [`Wrote ${r.files.headerPath} and ${r.files.weightsPath}`] : []),
    ...(r.skipped ? [p.yellow(`${r.skipped} training lines were skipped (unknown labels or malformed).`)] : []),
    "",
  ].join("\n");
}

export function renderModels(
  { models, candidate }: { active: string; candidate: string | null; models: ModelSummary[] },
  ctx: CliContext,
): string {
  const p = paint(ctx.color);
  const rows = models.map(
    (m) =>
      `${m.active ? p.green("*") : " "} ${m.version.padEnd(12)} ${m.source.padEnd(8)} ${timestamp(m.trained_at)}  macro-F1 ${m.heldout_macro_f1.toFixed(3)}  ECE ${m.heldout_ece.toFixed(3)}`,
  );
  const note = candidate === null ? [] : [`A/B candidate: ${candidate} (MOODFOOD_AB_SPLIT sets its share of queries)`];
  return `${[...rows, ...note].join("\n")}\n`;
}
