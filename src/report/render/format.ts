// Number and text formatting shared by the Markdown and HTML renderers, so both show the same figures.
import type { Change } from "../weekly-report.js";

export const int = (n: number) => n.toLocaleString("en-US");

/** A share as a percent with one decimal ("12.5%"); "n/a" when undefined. */
export const percent = (x: number | null) => (x === null ? "n/a" : `${(x * 100).toFixed(1)}%`);

/** Milliseconds to three significant digits: 0.452 ms, 6.82 ms, 125 ms, 1,250 ms. */
export function ms(x: number | null): string {
  if (x === null) return "n/a";
  if (x >= 100) return `${int(Math.round(x))} ms`;
  return `${Number(x.toPrecision(3))} ms`;
}

/** Week-over-week change as a reader scans it: "▲ 12.2%", "▼ 3 points", "no change", "new". */
export function change(c: Change, kind: "count" | "ratio" = "count"): string {
  if (c.previous === null || c.change === null) return "no previous week";
  if (c.change === 0) return "no change";
  const arrow = c.change > 0 ? "▲" : "▼";
  if (kind === "ratio") return `${arrow} ${Math.abs(c.change * 100).toFixed(1)} points`;
  if (c.change_pct === null) return `${arrow} ${int(Math.abs(c.change))} (none the week before)`;
  return `${arrow} ${Math.abs(c.change_pct).toFixed(1)}%`;
}

/** "≈6.82 ms" (interpolated in the histogram buckets), ">30,000 ms" past the last bucket. */
export const quantile = (x: number | null, beyond: boolean) => (x === null ? "n/a" : `${beyond ? ">" : "≈"}${ms(x)}`);

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const dayName = (i: number) => WEEKDAYS[i] ?? "";

/** "2026-01-05T10:00:00Z" (the one human timestamp format). */
export const when = (isoText: string) => isoText.replace(/\.\d{3}Z$/, "Z");

/** Stored text can hold anything (imports, hostile feedback): control characters go before escaping. */
export const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();

/** Counts of a record as "a 3, b 1", largest first. */
export const breakdown = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([k, n]) => `${k} ${int(n)}`)
    .join(", ");

/** "1 rating", "3 ratings". */
export const count = (n: number, word: string, plural = `${word}s`) => `${int(n)} ${n === 1 ? word : plural}`;
