import { parseTimestamp } from "../config/timestamps.js";

/** A line that cannot be imported: reported with its line number and skipped. */
export class LineError extends Error {
  override name = "LineError";
}

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** Our own fields ride along under this key, so a round trip through the original layout loses nothing. */
export const EXTRA_KEY = "moodfood";

/** The `moodfood` block of a line written by `export jsonl` ({} for the original system's lines). */
export const extraOf = (line: JsonObject): JsonObject => (isObject(line[EXTRA_KEY]) ? line[EXTRA_KEY] : {});

export function requiredString(line: JsonObject, key: string): string {
  const value = line[key];
  if (typeof value !== "string" || value.trim() === "") throw new LineError(`"${key}" must be a non-empty string`);
  return value;
}

export function optionalString(line: JsonObject, key: string): string | null {
  const value = line[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new LineError(`"${key}" must be a string or null`);
  return value;
}

export function optionalNumber(line: JsonObject, key: string): number | null {
  const value = line[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new LineError(`"${key}" must be a number or null`);
  return value;
}

export function requiredNumber(line: JsonObject, key: string): number {
  const value = optionalNumber(line, key);
  if (value === null) throw new LineError(`"${key}" must be a number`);
  return value;
}

/** An ISO 8601 timestamp as epoch ms; naive times are UTC. */
export function requiredTime(line: JsonObject, key: string): number {
  const value = line[key];
  const ms = typeof value === "string" ? parseTimestamp(value) : undefined;
  if (ms === undefined) throw new LineError(`"${key}" must be an ISO 8601 timestamp, got ${JSON.stringify(value) ?? "nothing"}`);
  return ms;
}

export function oneOf<T extends string>(line: JsonObject, key: string, values: readonly T[]): T {
  const value = line[key];
  if (typeof value !== "string" || !(values as readonly string[]).includes(value)) {
    throw new LineError(`"${key}" must be one of ${values.join(", ")}, got ${JSON.stringify(value) ?? "nothing"}`);
  }
  return value as T;
}

export function stringList(line: JsonObject, key: string): string[] {
  const value = line[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new LineError(`"${key}" must be an array of strings`);
  return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
}

/** From the extra block when it holds the key with the right type, else the fallback (the original's field). */
export function extraOr<T>(extra: JsonObject, key: string, valid: (value: unknown) => value is T, fallback: () => T): T {
  return key in extra && valid(extra[key]) ? extra[key] : fallback();
}

export const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
export const isNumberOrNull = (v: unknown): v is number | null => v === null || isNumber(v);
export const isString = (v: unknown): v is string => typeof v === "string";
export const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === "string";
export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");
