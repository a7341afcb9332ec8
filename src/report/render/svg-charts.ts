// Inline SVG charts for the HTML report: no scripts, no external assets, legible in grey on paper
// (column values are written on the columns, line series differ by dash as well as colour).
import { escapeHtml as h } from "./escape.js";

const W = 860;
const H = 230;
// The top band holds the legend, above the tallest value label.
const PAD = { left: 56, right: 12, top: 34, bottom: 30 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;
const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : String(Number(n.toPrecision(3))));

const frame = (title: string, body: string, height = H) =>
  `<svg class="chart" role="img" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${h(title)}</title>${body}</svg>`;

/** A round upper bound for an axis: 1, 2 or 5 × 10^k at or above max. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const base = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((m) => m * base).find((v) => v >= max) ?? 10 * base) as number;
}

/** A y axis: where a value sits (0 at the bottom, 1 at the top) and the gridlines to draw. */
interface Scale {
  at(v: number): number;
  ticks: number[];
}

const linear = (top: number): Scale => ({ at: (v) => v / top, ticks: [0, top / 2, top] });

/** Decades from the smallest to the largest value: latency spans sub-millisecond p50 to tens of ms p99. */
function logarithmic(values: readonly number[]): Scale {
  const positive = values.filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.min(...positive, 1)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...positive, 1))));
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  return { at: (v) => (Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo), ticks };
}

function axes(scale: Scale | number, unit: string, xLabels: readonly string[]): string {
  const s = typeof scale === "number" ? linear(scale) : scale;
  const grid = s.ticks
    .map((t) => {
      const y = PAD.top + plotH * (1 - s.at(t));
      return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" class="grid"/><text x="${PAD.left - 6}" y="${y + 4}" class="tick" text-anchor="end">${fmt(t)}</text>`;
    })
    .join("");
  const step = plotW / xLabels.length;
  const xs = xLabels
    .map((l, i) => `<text x="${PAD.left + step * (i + 0.5)}" y="${H - PAD.bottom + 16}" class="tick" text-anchor="middle">${h(l)}</text>`)
    .join("");
  return `${grid}${xs}<text x="12" y="${PAD.top + plotH / 2}" class="tick" transform="rotate(-90 12 ${PAD.top + plotH / 2})" text-anchor="middle">${h(unit)}</text>`;
}

/** Columns per day, the value written above each; the week before as an outlined column beside it. */
export function columnChart(
  title: string,
  unit: string,
  xLabels: readonly string[],
  values: readonly number[],
  previous?: readonly number[],
): string {
  const top = niceMax(Math.max(...values, ...(previous ?? [])));
  const step = plotW / values.length;
  const bw = step * (previous ? 0.36 : 0.6);
  const y = (v: number) => PAD.top + plotH * (1 - v / top);
  const bars = values
    .map((v, i) => {
      const x = PAD.left + step * i + (previous ? step * 0.5 : step * 0.2);
      const ghost = previous
        ? `<rect x="${x - bw}" y="${y(previous[i] ?? 0)}" width="${bw}" height="${PAD.top + plotH - y(previous[i] ?? 0)}" class="ghost"/>`
        : "";
      return `${ghost}<rect x="${x}" y="${y(v)}" width="${bw}" height="${PAD.top + plotH - y(v)}" class="bar"/><text x="${x + bw / 2}" y="${y(v) - 4}" class="value" text-anchor="middle">${fmt(v)}</text>`;
    })
    .join("");
  const legend = previous
    ? `<rect x="${W - 210}" y="2" width="10" height="10" class="bar"/><text x="${W - 196}" y="11" class="tick">this week</text><rect x="${W - 130}" y="2" width="10" height="10" class="ghost"/><text x="${W - 116}" y="11" class="tick">week before</text>`
    : "";
  return frame(title, `${axes(top, unit, xLabels)}${bars}${legend}`);
}

export interface LineSeries {
  name: string;
  values: readonly (number | null)[];
  /** CSS class: s1, s2, s3 (colour and dash). */
  style: string;
}

/** Lines per day with a dot at each point; a missing day breaks the line. `log` draws decades on the y axis. */
export function lineChart(title: string, unit: string, xLabels: readonly string[], series: readonly LineSeries[], log = false): string {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = log ? logarithmic(all) : linear(niceMax(Math.max(0, ...all)));
  const step = plotW / xLabels.length;
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (v: number) => PAD.top + plotH * (1 - scale.at(v));
  const lines = series
    .map((s) => {
      const segments: string[] = [];
      let path = "";
      s.values.forEach((v, i) => {
        if (v === null) {
          if (path) segments.push(path);
          path = "";
          return;
        }
        path += `${path ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      });
      if (path) segments.push(path);
      const dots = s.values
        .map((v, i) => (v === null ? "" : `<circle cx="${x(i)}" cy="${y(v)}" r="2.5" class="${s.style} dot"/>`))
        .join("");
      return `${segments.map((d) => `<path d="${d}" class="${s.style} line"/>`).join("")}${dots}`;
    })
    .join("");
  const legend = series
    .map(
      (s, i) =>
        `<line x1="${PAD.left + i * 90}" x2="${PAD.left + i * 90 + 20}" y1="7" y2="7" class="${s.style} line"/><text x="${PAD.left + i * 90 + 24}" y="11" class="tick">${h(s.name)}</text>`,
    )
    .join("");
  return frame(title, `${axes(scale, log ? `${unit} (log scale)` : unit, xLabels)}${lines}${legend}`);
}

export interface Part {
  name: string;
  value: number;
}

/** One 100 % bar split into parts, each labelled with its name and share below. */
export function shareBar(title: string, parts: readonly Part[]): string {
  const total = parts.reduce((n, p) => n + p.value, 0);
  if (total === 0) return "";
  let x = PAD.left;
  const width = W - PAD.left - PAD.right;
  const marks = parts
    .map((p, i) => {
      const w = (p.value / total) * width;
      const rect = `<rect x="${x}" y="8" width="${w}" height="28" class="part p${i % 6}"/>`;
      const label = `<rect x="${PAD.left + (i % 3) * 170}" y="${48 + Math.floor(i / 3) * 18}" width="10" height="10" class="part p${i % 6}"/><text x="${PAD.left + (i % 3) * 170 + 14}" y="${57 + Math.floor(i / 3) * 18}" class="tick">${h(p.name)} ${((p.value / total) * 100).toFixed(1)}%</text>`;
      x += w;
      return rect + label;
    })
    .join("");
  return frame(title, marks, 56 + Math.ceil(parts.length / 3) * 18);
}

/** Stacked columns per day (e.g. positive / neutral / negative feedback), the day's total above. */
export function stackedColumns(
  title: string,
  xLabels: readonly string[],
  names: readonly string[],
  rows: readonly (readonly number[])[],
): string {
  const totals = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const top = niceMax(Math.max(0, ...totals));
  const step = plotW / xLabels.length;
  const bw = step * 0.6;
  const scale = (v: number) => plotH * (v / top);
  const bars = rows
    .map((r, i) => {
      let base = PAD.top + plotH;
      const x = PAD.left + step * i + step * 0.2;
      const parts = r
        .map((v, k) => {
          base -= scale(v);
          return v > 0 ? `<rect x="${x}" y="${base}" width="${bw}" height="${scale(v)}" class="part p${k}"/>` : "";
        })
        .join("");
      return `${parts}<text x="${x + bw / 2}" y="${base - 4}" class="value" text-anchor="middle">${totals[i] ? fmt(totals[i] as number) : ""}</text>`;
    })
    .join("");
  const legend = names
    .map(
      (n, k) =>
        `<rect x="${PAD.left + k * 100}" y="2" width="10" height="10" class="part p${k}"/><text x="${PAD.left + k * 100 + 14}" y="11" class="tick">${h(n)}</text>`,
    )
    .join("");
  return frame(title, `${axes(top, "feedback", xLabels)}${bars}${legend}`);
}
