import { InvalidArgumentError } from "commander";
import { parseDuration } from "../config/durations.js";
import { parseTimestamp } from "../config/timestamps.js";

/** A point in time given as a duration ago ("24h") or an ISO date/time ("2026-11-20", "2026-11-20T12:00Z"). */
export function parsePointInTime(value: string, now: number): number {
  if (/^\d+(\.\d+)?\s*[smhdw]$/.test(value.trim())) return now - parseDuration(value);
  // Strict: 2026-02-30 is refused rather than read as 2 March; a time without a zone is UTC.
  const ms = parseTimestamp(value);
  if (ms === undefined) throw new InvalidArgumentError(`"${value}" is neither a duration (24h, 7d) nor a real date (2026-11-20).`);
  return ms;
}

/** Commander parser for a DESIGN §12 duration. */
export function durationArg(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

/** The shortest drift watch interval: anything less would spin on the store. */
export const MIN_INTERVAL_MINUTES = 1;

/** Commander parser for a number of minutes ≥ 1 (drift watch --interval). */
export function minutesArg(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < MIN_INTERVAL_MINUTES) {
    throw new InvalidArgumentError(`expected minutes >= ${MIN_INTERVAL_MINUTES}, e.g. 15.`);
  }
  return n;
}
