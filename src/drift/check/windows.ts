import { parseTimestamp } from "../../config/timestamps.js";
import { UsageError, UserError } from "../../errors.js";
import type { Store } from "../../store/store.js";

export type BaselineSpec = { kind: "previous" } | { kind: "model" } | { kind: "range"; from: number; to: number };

export interface ResolvedBaseline {
  kind: "previous" | "model" | "pinned" | "range";
  start: number | null;
  end: number | null;
}

const PINNED_KEY = "drift.baseline";

type PinnedRange = { from: number; to: number };

/** Parses "FROM..TO" (ISO dates or times). */
export function parseRange(text: string): { from: number; to: number } {
  const [fromText, toText, extra] = text.split("..");
  const from = parseTimestamp(fromText ?? "");
  const to = parseTimestamp(toText ?? "");
  if (extra !== undefined || from === undefined || to === undefined || from >= to) {
    throw new UsageError("invalid_range", `"${text}" is not a time range FROM..TO with FROM before TO (e.g. 2026-11-01..2026-11-08).`);
  }
  return { from, to };
}

export interface PinnedBaseline {
  from: number;
  to: number;
  /** When it was pinned. */
  pinnedAt: number;
}

/**
 * Pins FROM..TO as the baseline of later checks; refuses a window holding fewer than `minimum`
 * traces of the model, which could never give a check enough data to compare against.
 */
export async function pinBaseline(
  store: Store,
  range: { from: number; to: number },
  ctx: { now: number; modelVersion: string; minimum: number },
): Promise<number> {
  const n = await store.drift.countSamples(range.from, range.to, ctx.modelVersion);
  if (n < ctx.minimum) {
    throw new UserError(
      "baseline_too_small",
      `That window holds ${n} traces of model ${ctx.modelVersion}; a baseline needs at least ${ctx.minimum}. Pick a longer or busier range (see moodfood trace list --since ...).`,
    );
  }
  await store.transaction(() => store.meta.set(PINNED_KEY, range, ctx.now));
  return n;
}

export async function readPinnedBaseline(store: Store): Promise<PinnedBaseline | null> {
  const row = await store.meta.get(PINNED_KEY);
  if (!row) return null;
  const range = row.value as PinnedRange;
  return { from: range.from, to: range.to, pinnedAt: row.updatedAt };
}

/** Unpins the baseline (checks go back to `previous`); false when none was pinned. */
export async function clearPinnedBaseline(store: Store): Promise<boolean> {
  return store.transaction(() => store.meta.delete(PINNED_KEY));
}

/** Default: the pinned reference window if one is set, else the window just before the current one. */
export async function resolveBaseline(
  store: Store,
  spec: BaselineSpec | undefined,
  windowStart: number,
  windowMs: number,
): Promise<ResolvedBaseline> {
  if (spec?.kind === "model") return { kind: "model", start: null, end: null };
  if (spec?.kind === "range") return { kind: "range", start: spec.from, end: spec.to };
  const pinned = spec === undefined ? ((await store.meta.get(PINNED_KEY))?.value as PinnedRange | undefined) : undefined;
  if (pinned) return { kind: "pinned", start: pinned.from, end: pinned.to };
  return { kind: "previous", start: windowStart - windowMs, end: windowStart };
}
