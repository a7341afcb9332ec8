import { safeText } from "../cli/render/terminal-text.js";
import { timestamp } from "../cli/render/timestamp.js";

export { safeText, timestamp };

export const count = (n: number): string => Math.round(n).toLocaleString("en-US");

export const share = (part: number, total: number): string =>
  total > 0 ? `${((100 * part) / total).toFixed(part === total ? 0 : 1)}%` : "-";

/** Milliseconds the way the trace view prints them: µs below 1 ms. */
export const ms = (value: number | null): string => {
  if (value === null || !Number.isFinite(value)) return "-";
  if (value < 1) return `${(value * 1000).toFixed(0)} µs`;
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
};

/** The time of day of an ISO timestamp ("14:03:22Z"), for rows too narrow for the date. */
export const timeOfDay = (at: number): string => timestamp(at).slice(11);

const TICKS = "▁▂▃▄▅▆▇█";

/** One character per column: the values summed into `width` groups, scaled to the largest group. */
export function sparkline(values: readonly number[], width: number): string {
  const columns = Math.max(1, Math.min(width, values.length));
  const groups = new Array<number>(columns).fill(0);
  values.forEach((v, i) => {
    const g = Math.floor((i * columns) / values.length);
    groups[g] = (groups[g] ?? 0) + v;
  });
  const max = Math.max(...groups);
  return groups.map((g) => (g === 0 ? " " : TICKS[Math.min(7, Math.floor((g / max) * 7.999))])).join("");
}

const ZERO_WIDTH = /^(?:\p{M}|[\u200b-\u200f]|[\ufe00-\ufe0f])$/u;
const DOUBLE_WIDTH =
  /[\p{Extended_Pictographic}\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a character takes in a terminal: emoji and CJK take two, combining marks none. */
const columnsOf = (char: string): number => (ZERO_WIDTH.test(char) ? 0 : DOUBLE_WIDTH.test(char) || char.length > 1 ? 2 : 1);

/** User text in exactly `width` columns: control characters out, cut with … or padded with spaces. */
export function fitColumns(text: string, width: number): string {
  const chars = [...safeText(text).replace(/\s+/g, " ")];
  const total = chars.reduce((sum, c) => sum + columnsOf(c), 0);
  if (total <= width) return chars.join("") + " ".repeat(width - total);
  let out = "";
  let used = 0;
  for (const char of chars) {
    if (used + columnsOf(char) > width - 1) break;
    out += char;
    used += columnsOf(char);
  }
  return `${out}…${" ".repeat(Math.max(0, width - 1 - used))}`;
}
