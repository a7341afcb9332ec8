import type { Shares } from "./signals.js";

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
// A move smaller than this is "about the same" (one percentage point).
const SAME = 0.01;

/** Fallbacks are every decision but ml_validated: the advice follows which way their share went. */
export function decisionAdvice(before: Shares, after: Shares): string {
  const was = 1 - (before.ml_validated ?? 0);
  const now = 1 - (after.ml_validated ?? 0);
  const moved = `${pct(was)} → ${pct(now)}`;
  if (now > was + SAME) {
    return `More fallbacks (${moved}) mean the LLM or the classifier is failing: check \`moodfood trace list --decision default_fallback\` and the LLM circuit.`;
  }
  if (now < was - SAME) {
    return `Fewer fallbacks (${moved}): the classifier is confident more often; expected after promoting a better model, otherwise check whether the query mix narrowed.`;
  }
  return `The fallback share held (${moved}) but the kind of fallback changed: check the LLM circuit and \`moodfood trace list --decision ml_only\`.`;
}

export function agreementAdvice(before: Shares, after: Shares): string {
  const was = before.disagree ?? 0;
  const now = after.disagree ?? 0;
  return now >= was
    ? `The parser and the classifier disagree more often (${pct(was)} → ${pct(now)}): retrain the classifier or review the LLM prompt.`
    : `The parser and the classifier agree more often (disagreement ${pct(was)} → ${pct(now)}): expected after a retrain; otherwise check the LLM provider and model did not change.`;
}

export function feedbackAdvice(before: Shares, after: Shares): string {
  const was = before.positive ?? 0;
  const now = after.positive ?? 0;
  return now <= was
    ? `Users like the answers less (positive ${pct(was)} → ${pct(now)}): read the traces behind recent negative feedback (moodfood export jsonl writes user_feedback.jsonl).`
    : `Users like the answers more (positive ${pct(was)} → ${pct(now)}): nothing to fix; pin a new baseline (moodfood drift baseline set) if this is the new normal.`;
}
