import type { QueryInput } from "../../pipeline/pipeline.js";
import { stripControlCharacters } from "../../pipeline/sanitize.js";
import { DIETS, type Diet } from "../../pipeline/types.js";
import { badRequest } from "../http-error.js";

const FIELDS = ["query", "diet", "top", "user_id", "session_id"];
const MAX_TOP = 50;
const MAX_ID_CHARS = 200;
// With the u flag, only unpaired surrogates match \p{Cs}: JSON "\ud800" parses but is not text.
const LONE_SURROGATE = /\p{Cs}/u;

/** Validates `{"query": string, "diet"?: string[], "top"?: number, "user_id"?, "session_id"?}` into pipeline input. */
export function parseQueryBody(body: unknown): QueryInput {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw badRequest("invalid_body", 'The body must be a JSON object like {"query": "I\'m sad"}.');
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) throw badRequest("unknown_field", `Unknown field ${JSON.stringify(unknown[0])}; allowed: ${FIELDS.join(", ")}.`);
  return {
    text: queryText(fields.query),
    diets: diets(fields.diet),
    top: top(fields.top),
    userId: optionalId(fields.user_id, "user_id"),
    sessionId: optionalId(fields.session_id, "session_id"),
  };
}

function queryText(value: unknown): string {
  if (typeof value !== "string") throw badRequest("invalid_query", '"query" is required and must be a string.');
  if (LONE_SURROGATE.test(value)) throw badRequest("invalid_query", '"query" contains invalid Unicode (a lone surrogate).');
  // Same rule as the CLI: an empty query is a usage error and leaves no trace.
  if (stripControlCharacters(value) === "")
    throw badRequest("empty_query", '"query" is empty; say how you feel, e.g. "I\'m sad and it\'s freezing".');
  return value;
}

function diets(value: unknown): Diet[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest("invalid_diet", `"diet" must be an array of: ${DIETS.join(", ")}.`);
  return value.map((d) => {
    if (typeof d !== "string" || !(DIETS as readonly string[]).includes(d)) {
      throw badRequest("invalid_diet", `Unknown diet ${JSON.stringify(d)}; expected one of: ${DIETS.join(", ")}.`);
    }
    return d as Diet;
  });
}

function top(value: unknown): number {
  if (value === undefined || value === null) return 5;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_TOP) {
    throw badRequest("invalid_top", `"top" must be a whole number from 1 to ${MAX_TOP}.`);
  }
  return value;
}

function optionalId(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.length > MAX_ID_CHARS || LONE_SURROGATE.test(value)) {
    throw badRequest("invalid_field", `"${name}" must be a string of at most ${MAX_ID_CHARS} characters.`);
  }
  return value;
}
