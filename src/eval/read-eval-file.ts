// Reads an evaluation file: one JSON object a line, {q, expect, forbid?, diet?}.
import { DIETS, type Diet } from "../pipeline/types.js";
import { FileTooLargeError, readBoundedFile } from "../read-bounded-file.js";

/** An evaluation set is hand-written: thousands of lines at most. */
const MAX_EVAL_BYTES = 32 << 20;

export interface EvalCase {
  q: string;
  /** Labels the answer must contain. */
  expect: string[];
  /** Labels the answer must not contain. */
  forbid: string[];
  /** Diet flags every recommended dish must carry: an expectation, never an input. */
  diet: Diet[];
  /** 1-based line in the file, for messages. */
  line: number;
}

export class EvalFileError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    reason: string,
  ) {
    super(line > 0 ? `${path}:${line}: ${reason}` : `${path}: ${reason}`);
    this.name = "EvalFileError";
  }
}

function stringList(value: unknown, field: string, fail: (reason: string) => never): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) fail(`"${field}" must be an array of strings`);
  return value as string[];
}

export function parseEvalCases(text: string, path = "<eval>"): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    const fail = (reason: string): never => {
      throw new EvalFileError(path, line, reason);
    };
    if (raw.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      fail(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) fail("expected a JSON object");
    const record = parsed as Record<string, unknown>;
    if (typeof record.q !== "string" || record.q.trim() === "") fail('"q" must be a non-empty string');
    const expect = stringList(record.expect, "expect", fail);
    if (record.expect === undefined) fail('"expect" is required (an array of labels)');
    const diet = stringList(record.diet, "diet", fail);
    const unknownDiet = diet.find((flag) => !(DIETS as readonly string[]).includes(flag));
    if (unknownDiet !== undefined) fail(`unknown diet "${unknownDiet}" (expected one of ${DIETS.join(", ")})`);
    cases.push({ q: record.q as string, expect, forbid: stringList(record.forbid, "forbid", fail), diet: diet as Diet[], line });
  });
  return cases;
}

export function readEvalFile(path: string): EvalCase[] {
  let text: string;
  try {
    text = readBoundedFile(path, MAX_EVAL_BYTES).toString("utf8");
  } catch (error) {
    if (error instanceof FileTooLargeError)
      throw new EvalFileError(path, 0, `larger than 32 MiB; an evaluation file is a few thousand lines`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new EvalFileError(path, 0, code === "ENOENT" ? "file not found" : `cannot read (${code ?? String(error)})`);
  }
  return parseEvalCases(text, path);
}
