// The answer's notices (DESIGN §3, contract): one line each for what the person should know about how it was read.
import type { FinalDecision, ParsedQuery } from "./types.js";

export interface Notice {
  /** Stable code: allergy_reminder, diet_reminder, unsupported_constraint, no_match, language, excluded, llm_unavailable, no_labels. */
  code: string;
  message: string;
}

export interface NoticeInput {
  parsed: ParsedQuery;
  /** Mood, need and context labels of the answer (diet labels left out). */
  labels: readonly string[];
  decision: FinalDecision;
  /** Why the LLM stage failed, or null when it answered. */
  llmFailure: string | null;
  /** Provider name: with "local" nothing in the stack reads other languages. */
  provider: string;
  /** Negated words that left dishes out. */
  excludedWords: readonly string[];
  /** Wishes no dish meets within the constraints ("sweet"), and those constraints as words ("low sugar"). */
  unmet?: { wishes: readonly string[]; constraints: string };
}

const list = (items: readonly string[]): string => items.join(", ");

/** Every notice the answer needs, in a fixed order (most important first). */
export function buildNotices(input: NoticeInput): Notice[] {
  const { parsed } = input;
  const notices: Notice[] = [];
  if (parsed.allergens.length > 0)
    notices.push({
      code: "allergy_reminder",
      message: `Allergy noted (${list(parsed.allergens)}): always check the ingredients with whoever cooks.`,
    });
  const religious = parsed.diets.filter((diet) => diet === "halal" || diet === "kosher");
  if (religious.length > 0)
    notices.push({
      code: "diet_reminder",
      message: `${list(religious.map((d) => d.charAt(0).toUpperCase() + d.slice(1)))} here means by ingredient (no pork, gelatin${religious.includes("halal") ? ", alcohol" : ""}${religious.includes("kosher") ? ", shellfish or meat with dairy" : ""}): ask whoever cooks whether the meat itself is certified.`,
    });
  if ((parsed.unsupported ?? []).length > 0)
    notices.push({
      code: "unsupported_constraint",
      message: `Not checked: ${list(parsed.unsupported ?? [])}. The catalog carries no such flag, so these dishes may not fit it.`,
    });
  if (input.unmet && input.unmet.wishes.length > 0)
    notices.push({
      code: "no_match",
      message: `Nothing in the catalog is ${input.unmet.wishes.join(" or ")} and ${input.unmet.constraints} at once: these dishes keep to ${input.unmet.constraints} instead.`,
    });
  if (parsed.language)
    notices.push({
      code: "language",
      message:
        input.provider === "local"
          ? `This reads as ${parsed.language}; moodfood understands English only, so this answer may miss what you said.`
          : `This reads as ${parsed.language}; the trained model reads English only, so this answer rests on the LLM's reading.`,
    });
  if (input.excludedWords.length > 0)
    notices.push({ code: "excluded", message: `Left out, as you asked: dishes with ${list(input.excludedWords)}.` });
  if (input.llmFailure !== null)
    notices.push({
      code: "llm_unavailable",
      message: `The language model did not answer (${input.llmFailure}); the trained model read this alone.`,
    });
  if (input.labels.length === 0)
    notices.push({
      code: "no_labels",
      message:
        input.excludedWords.length > 0 || parsed.negatedLabels.length > 0
          ? "No mood or wish read beyond what you ruled out: these are popular picks without it."
          : "No mood or wish could be read from this: these are popular, broadly safe picks.",
    });
  return notices;
}
