import type { TraceJson } from "../../tracing/trace-json.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText, shortQuery, truncate } from "./terminal-text.js";
import { timestamp } from "./timestamp.js";

const LABEL_WIDTH = 12;
// Room for any real mood sentence; a 10 kB paste is cut (the stored trace keeps it).
const QUERY_WIDTH = 300;

/** Header, then a waterfall of spans on one time axis, then each span's attributes. */
export function renderTrace(trace: TraceJson, ctx: CliContext): string {
  const p = paint(ctx.color);
  const width = Math.max(20, Math.min(80, (process.stdout.columns ?? 100) - LABEL_WIDTH - 14));
  const total = Math.max(trace.duration_ms ?? 0, ...trace.spans.map((s) => s.start_offset_ms + s.duration_ms), 0.001);
  const statusColor = trace.status === "ok" ? p.green : trace.status === "error" ? p.red : p.yellow;
  const lines = [
    `${p.bold("Trace")} ${trace.trace_id}  ${statusColor(trace.status)}`,
    `${p.dim("query   ")} ${shortQuery(trace.query, QUERY_WIDTH)}`,
    `${p.dim("labels  ")} ${trace.labels.join(", ") || "(none)"}`,
    `${p.dim("decision")} ${trace.final_decision ?? "-"}  ${p.dim("confidence")} ${trace.confidence?.toFixed(2) ?? "-"}  ${p.dim("model")} ${trace.model_version ?? "-"}`,
    `${p.dim("started ")} ${timestamp(trace.started_at)}  ${p.dim("total")} ${fmtMs(trace.duration_ms ?? 0)}`,
  ];
  if (trace.error) lines.push(p.red(`error    ${safeText(trace.error)}`));
  lines.push("");
  for (const span of trace.spans) {
    const start = Math.floor((span.start_offset_ms / total) * width);
    const length = Math.max(1, Math.round((span.duration_ms / total) * width));
    const bar = " ".repeat(Math.min(start, width - 1)) + "█".repeat(Math.min(length, width - Math.min(start, width - 1)));
    const color = span.status === "error" ? p.red : p.cyan;
    lines.push(`${span.name.padEnd(LABEL_WIDTH)} ${color(bar.padEnd(width))} ${fmtMs(span.duration_ms).padStart(9)}`);
  }
  lines.push("");
  for (const span of trace.spans) {
    const attrs = Object.entries(span.attributes).map(([k, v]) => `${k}=${safeText(String(v))}`);
    lines.push(`${p.bold(span.name)} ${p.dim(`+${fmtMs(span.start_offset_ms)}`)} ${truncate(attrs.join("  "), 140)}`);
    if (span.error) lines.push(p.red(`  error: ${safeText(span.error)}`));
  }
  return `${lines.join("\n")}\n`;
}

export const fmtMs = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);
