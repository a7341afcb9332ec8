import { UsageError } from "../errors.js";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Parses a DESIGN §12 duration ("90m", "24h", "7d") into milliseconds. */
export function parseDuration(text: string, what = "duration"): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(text.trim());
  if (!match) {
    throw new UsageError("invalid_duration", `${what} "${text}" is not a duration like 90m, 24h or 7d (units s, m, h, d, w).`);
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
