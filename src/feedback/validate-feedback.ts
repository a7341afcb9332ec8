import { UsageError } from "../errors.js";
import { stripControlCharacters } from "../pipeline/sanitize.js";
import { isKnownLabel } from "../pipeline/taxonomy.js";
import { IMPLICIT_SIGNALS, type ImplicitSignal, type Thumbs } from "../records/feedback.js";

export const MAX_COMMENT_CHARS = 2_000;

/** An integer 1-5 (or its digits as text); anything else (0, 6, 3.5, "abc") is a usage error. */
export function parseRating(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    throw new UsageError("invalid_rating", `Rating ${JSON.stringify(value)} is invalid: give a whole number from 1 to 5.`);
  }
  return n;
}

export function parseSignal(value: unknown): ImplicitSignal {
  if (typeof value === "string" && (IMPLICIT_SIGNALS as readonly string[]).includes(value)) return value as ImplicitSignal;
  throw new UsageError("invalid_signal", `Signal ${JSON.stringify(value)} is unknown: use one of ${IMPLICIT_SIGNALS.join(", ")}.`);
}

export function parseThumbs(value: unknown): Thumbs | null {
  if (value === undefined || value === null || value === "") return null;
  if (value === "up" || value === "down") return value;
  throw new UsageError("invalid_thumbs", `Thumbs ${JSON.stringify(value)} is invalid: use up or down.`);
}

/** Control characters removed (comments are printed to terminals later); empty means no comment. */
export function cleanComment(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new UsageError("invalid_comment", "The comment must be text.");
  const text = stripControlCharacters(value);
  if (text.length > MAX_COMMENT_CHARS) {
    throw new UsageError("comment_too_long", `The comment is ${text.length} characters; the limit is ${MAX_COMMENT_CHARS}. Shorten it.`);
  }
  return text === "" ? null : text;
}

export const MAX_CORRECTION_LABELS = 12;

/**
 * A correction: taxonomy labels as an array or "L1,L2" text; duplicates collapse, order kept.
 * Empty means no correction; an unknown label or more than a dozen is a usage error.
 */
export function parseCorrection(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  const items = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : undefined;
  if (!items || items.some((item) => typeof item !== "string"))
    throw new UsageError("invalid_labels", 'Labels must be taxonomy label names, e.g. "emotion_sad,goal_comfort".');
  const labels = [...new Set((items as string[]).map((item) => item.trim()).filter((item) => item !== ""))];
  const unknown = labels.find((label) => !isKnownLabel(label));
  if (unknown !== undefined)
    throw new UsageError(
      "unknown_label",
      `Label ${JSON.stringify(unknown)} is not in the taxonomy; use names like emotion_sad or weather_cold.`,
    );
  if (labels.length > MAX_CORRECTION_LABELS)
    throw new UsageError("too_many_labels", `A correction names at most ${MAX_CORRECTION_LABELS} labels; give the few that were right.`);
  return labels.length === 0 ? null : labels;
}
