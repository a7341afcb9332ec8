import type { TrainingBuffer } from "../../feedback/buffer/training-buffer.js";
import type { FeedbackJson } from "../../feedback/feedback-json.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText } from "./terminal-text.js";
import { timestamp } from "./timestamp.js";

export function renderFeedback(r: FeedbackJson, ctx: CliContext): string {
  const p = paint(ctx.color);
  const what = r.type === "explicit" ? `a ${r.rating}-star rating${r.thumbs ? ` (thumbs ${r.thumbs})` : ""}` : `the signal ${r.signal}`;
  const lines = [
    `${p.bold("Recorded")} ${what} for trace ${r.trace_id} (model ${r.model_version ?? "unknown"}) at ${timestamp(r.created_at)}: ${r.sentiment}.`,
  ];
  if (r.comment !== null) lines.push(`comment: ${safeText(r.comment)}`);
  if (r.labels !== null) lines.push(`correction: the right labels were ${r.labels.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export function renderBuffer(r: Omit<TrainingBuffer, "examples">, ctx: CliContext): string {
  const p = paint(ctx.color);
  const skipped = Object.entries(r.rejected).filter(([, n]) => n > 0);
  return [
    `${p.bold("Training buffer")}: ${r.size} examples (${r.gold} gold, ${r.silver} silver; gold ratio ${r.gold_ratio.toFixed(2)}) from ${r.feedback_rows} positive or correcting feedback rows; at most ${r.cap} are used.`,
    skipped.length === 0
      ? "Every such feedback row became or backed an example."
      : `Not used: ${skipped.map(([why, n]) => `${n} ${why.replace(/_/g, " ")}`).join(", ")}.`,
    ...(r.rejected.redacted > 0
      ? [`${r.rejected.redacted} rows cannot be learned from: their queries are stored as keyed hashes (MOODFOOD_REDACT_QUERIES).`]
      : []),
    "",
  ].join("\n");
}
