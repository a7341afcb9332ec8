import { lexiconSignal } from "../../pipeline/classifier/lexicon-signal.js";

/** Lexicon evidence at or above this is treated as a fact of the text a correction may not remove. */
export const STRONG_EVIDENCE = 0.8;

export type ExampleVerdict =
  | { ok: true; labels: string[]; dropped: string[] }
  | { ok: false; reason: "contradicts_text" | "unsupported_labels" };

/**
 * Feedback is untrusted: a correction may confirm or prune what the text says, never invent against it.
 * - a label the text negates ("nothing spicy") is dropped;
 * - a correction that removes a label the lexicon finds strongly ("sad" -> not emotion_sad) contradicts the text;
 * - a label the correction adds without any lexicon evidence is dropped (nothing in the text supports it).
 * Confirmed answers (a positive rating or signal without a correction) only lose negated labels.
 */
export function checkExample(query: string, labels: readonly string[], answered: readonly string[], corrected: boolean): ExampleVerdict {
  const signal = lexiconSignal(query);
  const negated = new Set(signal.negated);
  const dropped: string[] = [];
  const kept: string[] = [];
  if (corrected) {
    const removed = answered.filter((label) => !labels.includes(label));
    if (removed.some((label) => (signal.strengths.get(label) ?? 0) >= STRONG_EVIDENCE)) return { ok: false, reason: "contradicts_text" };
  }
  for (const label of labels) {
    const added = corrected && !answered.includes(label);
    if (negated.has(label) || (added && !signal.strengths.has(label))) dropped.push(label);
    else kept.push(label);
  }
  if (kept.length === 0) return { ok: false, reason: corrected ? "unsupported_labels" : "contradicts_text" };
  return { ok: true, labels: kept.sort(), dropped };
}
