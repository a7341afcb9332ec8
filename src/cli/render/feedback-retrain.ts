import type { RetrainResult } from "../../feedback/retrain/run-retrain.js";
import type { ModelScores } from "../../feedback/retrain/score-model.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";

const scoreLine = (role: string, s: ModelScores) =>
  `  ${role.padEnd(10)} ${s.version.padEnd(12)} macro-F1 ${s.macro_f1.toFixed(3)}  micro-F1 ${s.micro_f1.toFixed(3)}  top-label accuracy ${s.top_label_accuracy.toFixed(3)}`;

export function renderRetrain(r: RetrainResult, ctx: CliContext): string {
  const p = paint(ctx.color);
  const b = r.buffer;
  const verdict = r.promoted ? p.green(r.reason) : r.gate.pass ? r.reason : p.yellow(r.reason);
  return [
    `${p.bold("Trained")} candidate ${r.candidate} in ${(r.duration_ms / 1000).toFixed(1)} s on ${r.samples} examples, ${b.size} of them from feedback (${b.gold} gold, ${b.silver} silver).`,
    `Held-out scores on ${r.scores.candidate.examples} queries nothing was trained or tuned on (${r.scores.set}):`,
    scoreLine("candidate", r.scores.candidate),
    scoreLine("active", r.scores.active),
    ...r.gate.regressions.slice(0, 5).map((g) => p.yellow(`  ${g.label}: F1 ${g.active.toFixed(3)} -> ${g.candidate.toFixed(3)}`)),
    verdict,
    r.promoted ? `Queries now use model ${r.candidate}.` : `Queries still use model ${r.active}.`,
    "",
  ].join("\n");
}
