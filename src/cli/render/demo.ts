import type { QueryAnswer } from "../../pipeline/pipeline.js";
import type { SimulateSummary } from "../../simulate/run-simulate.js";
import type { CliContext } from "../context.js";
import { renderAnswer } from "./answer.js";
import { paint } from "./paint.js";
import { renderSimulateSummary } from "./simulate-summary.js";

export interface DemoResult {
  /** Null when the store already held traces and no history was added. */
  simulation: SimulateSummary | null;
  answer: QueryAnswer;
}

/** The simulated week (or a note that history was already there), the live answer, and where to look next. */
export function renderDemo(result: DemoResult, ctx: CliContext): string {
  const p = paint(ctx.color);
  const history = result.simulation
    ? renderSimulateSummary(result.simulation, ctx)
    : `${p.dim("The store already holds traces; no history simulated.")}\n`;
  return [
    history,
    `${p.bold("Now a live query:")} ${p.cyan(`moodfood query "${result.answer.query}"`)}\n`,
    renderAnswer(result.answer, ctx),
    p.dim(
      `Look around: moodfood trace ${result.answer.trace_id.slice(0, 8)} · moodfood trace list · moodfood drift check · moodfood health · moodfood dashboard · moodfood report weekly · moodfood feedback summary\n`,
    ),
  ].join("\n");
}
