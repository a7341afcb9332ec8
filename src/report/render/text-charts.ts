// Compact text charts for Markdown: a sparkline for a series, a bar for one value among others.

const TICKS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/** One character per value, scaled to the largest; a missing value is a space. */
export function sparkline(values: readonly (number | null)[]): string {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values
    .map((v) => {
      if (v === null) return " ";
      if (max === 0) return TICKS[0];
      return TICKS[Math.min(TICKS.length - 1, Math.round((v / max) * (TICKS.length - 1)))];
    })
    .join("");
}

/** A bar of up to `width` full blocks for value/max (at least one eighth when value > 0). */
export function bar(value: number, max: number, width = 20): string {
  if (max <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  const partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8] ?? "";
  return "█".repeat(Math.floor(eighths / 8)) + partial;
}
