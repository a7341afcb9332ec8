import { UsageError } from "../errors.js";
import { extractConstraints } from "./constraints.js";
import { readNegation } from "./negation.js";
import { stripControlCharacters } from "./sanitize.js";
import { foreignLanguage } from "./text/language.js";
import { tokenize } from "./text/tokenize.js";
import type { Diet, ParsedQuery } from "./types.js";

/** Longest query accepted, in characters after cleaning (DESIGN §15: 10 kB+ is bad input). */
export const MAX_QUERY_CHARS = 10_000;

/** How much of a refused (over-long) query its trace keeps: enough to recognise it, not a megabyte per request. */
const REFUSED_EXCERPT_CHARS = 200;

/** What a trace stores as its query before parsing: the text, or a bounded excerpt of one too long to accept. */
export function storableQuery(raw: string): string {
  if (raw.length <= MAX_QUERY_CHARS) return raw;
  return `${raw.slice(0, REFUSED_EXCERPT_CHARS)}… [refused: ${raw.length} characters]`;
}

/** Cleans the text; throws a usage error when nothing printable remains. Runs before a trace starts. */
export function cleanQueryText(raw: string): string {
  const text = stripControlCharacters(raw);
  if (text === "")
    throw new UsageError("empty_query", "The query is empty; say how you feel, e.g. moodfood query \"I'm sad and it's freezing\".");
  return text;
}

/** The `parse` stage: limits, diets and allergies, negated labels. */
export function parseQuery(raw: string, flagDiets: readonly Diet[] = []): ParsedQuery {
  const text = cleanQueryText(raw);
  if (text.length > MAX_QUERY_CHARS) {
    throw new UsageError("query_too_long", `The query is ${text.length} characters; the limit is ${MAX_QUERY_CHARS}. Shorten it.`);
  }
  const constraints = extractConstraints(text);
  const diets = [...new Set([...flagDiets, ...constraints.diets])];
  // "can't do lactose" rules the food out, so it states diet_dairy_free: a diet is never a negated label.
  const dietLabels = new Set(diets.map((diet) => `diet_${diet}`));
  const negation = readNegation(text);
  const negatedLabels = negation.labels.filter((label) => !dietLabels.has(label));
  const words = tokenize(text)
    .filter((token) => token.kind === "word")
    .map((token) => token.norm);
  return {
    text,
    truncated: false,
    diets,
    allergens: constraints.allergens,
    negatedLabels,
    negatedWords: negation.words,
    unsupported: constraints.unsupported,
    language: foreignLanguage(text, words),
  };
}
