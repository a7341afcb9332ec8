import type { TraceJson } from "../../tracing/trace-json.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText, truncate } from "./terminal-text.js";
import { fmtMs } from "./trace-view.js";

/** A compact table: id prefix, time, ms, decision, status, query excerpt. */
export function renderTraceList({ traces }: { traces: TraceJson[] }, ctx: CliContext): string {
  const p = paint(ctx.color);
  if (traces.length === 0) return 'No traces yet. Try: moodfood query "I\'m sad"\n';
  const header = p.dim(
    `${"id".padEnd(10)} ${"started (UTC)".padEnd(19)} ${"time".padStart(9)} ${"decision".padEnd(16)} ${"status".padEnd(9)} query`,
  );
  const rows = traces.map((t) => {
    const status = t.status === "ok" ? p.green : t.status === "error" ? p.red : p.yellow;
    return `${t.trace_id.slice(0, 10)} ${t.started_at.slice(0, 19).replace("T", " ")} ${fmtMs(t.duration_ms ?? 0).padStart(9)} ${(t.final_decision ?? "-").padEnd(16)} ${status(t.status.padEnd(9))} ${truncate(safeText(t.query), 50)}`;
  });
  return `${[header, ...rows].join("\n")}\n`;
}
