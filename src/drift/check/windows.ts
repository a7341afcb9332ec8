import { UsageError } from "../../errors.js";
import type { Store } from "../../store/store.js";

export type BaselineSpec = { kind: "previous" } | { kind: "model" } | { kind: "range"; from: number; to: number };

export interface ResolvedBaseline {
  kind: "previous" | "model" | "pinned" | "range";
  start: number | null;
  end: number | null;
}

const PINNED_KEY = "drift.baseline";

/** Parses "FROM..TO" (ISO dates or times). */
export function parseRange(text: string): { from: number; to: number } {
  const [fromText, toText, extra] = text.split("..");
  const from = Date.parse(fromText ?? "");
  const to = Date.parse(toText ?? "");
  if (extra !== undefined || Number.isNaN(from) || Number.isNaN(to) || from >= to) {
    throw new UsageError("invalid_range", `"${text}" is not a time range FROM..TO with FROM before TO (e.g. 2026-11-01..2026-11-08).`);
  }
  return { from, to };
}

export function pinBaseline(store: Store, range: { from: number; to: number }, now: number): void {
  store.transaction(() => store.meta.set(PINNED_KEY, range, now));
}

/** Default: the pinned reference window if one is set, else the window just before the current one. */
export function resolveBaseline(store: Store, spec: BaselineSpec | undefined, windowStart: number, windowMs: number): ResolvedBaseline {
  if (spec?.kind === "model") return { kind: "model", start: null, end: null };
  if (spec?.kind === "range") return { kind: "range", start: spec.from, end: spec.to };
  const pinned = spec === undefined ? store.meta.get<{ from: number; to: number }>(PINNED_KEY)?.value : undefined;
  if (pinned) return { kind: "pinned", start: pinned.from, end: pinned.to };
  return { kind: "previous", start: windowStart - windowMs, end: windowStart };
}
