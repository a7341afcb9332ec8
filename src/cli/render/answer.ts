import type { QueryAnswer } from "../../pipeline/pipeline.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText } from "./terminal-text.js";

const DECISION_TEXT: Record<QueryAnswer["final_decision"], string> = {
  ml_validated: "model and parser agree",
  llm_fallback: "parser's reading",
  // Whether the LLM failed or read nothing, a notice says which: this line claims neither.
  ml_only: "trained model only",
  default_fallback: "no clear mood: popular picks",
};

export function renderAnswer(answer: QueryAnswer, ctx: CliContext): string {
  const p = paint(ctx.color);
  const lines: string[] = [];
  const labels = answer.labels.length ? answer.labels.map((l) => p.cyan(l)).join(p.dim(" · ")) : p.dim("(none)");
  lines.push(`${p.bold("Mood")}  ${labels}`);
  lines.push(
    `${p.dim("      ")}${p.dim(`${DECISION_TEXT[answer.final_decision]} · ${answer.final_decision} · confidence ${answer.confidence.toFixed(2)}`)}`,
  );
  lines.push("");
  answer.recommendations.forEach((dish, i) => {
    const diet = dish.diet.length ? p.green(` [${dish.diet.join(", ")}]`) : "";
    lines.push(`${p.bold(`${i + 1}. ${dish.name}`)} ${p.dim(`(${dish.cuisine}, ${dish.score.toFixed(2)})`)}${diet}`);
    lines.push(`   ${dish.reason}`);
  });
  if (answer.recommendations.length === 0)
    lines.push(p.yellow("No dish in the catalog fits every constraint; try loosening the diet or allergy filters."));
  if (answer.notices.length > 0) lines.push("");
  for (const notice of answer.notices) lines.push(p.yellow(safeText(notice.message)));
  lines.push("", p.dim(`trace ${answer.trace_id} · ${answer.duration_ms.toFixed(1)} ms · model ${safeText(answer.model_version)}`));
  return `${lines.join("\n")}\n`;
}
