import type { TraceJson } from "../../tracing/trace-json.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText, truncate } from "./terminal-text.js";
import { timestamp } from "./timestamp.js";
import { fmtMs } from "./trace-view.js";

/** Why the list may be empty: filters that matched nothing are not an empty store. */
export interface TraceListScope {
  filtered: boolean;
  /** Whether the store holds any trace at all (only looked up when nothing matched). */
  storeHasTraces: boolean;
}

/** A compact table: id prefix, time, ms, decision, status, query excerpt. */
export function renderTraceList({ traces }: { traces: TraceJson[] }, ctx: CliContext, scope?: TraceListScope): string {
  const p = paint(ctx.color);
  if (traces.length === 0) {
    if (scope?.storeHasTraces) {
      return scope.filtered
        ? "No traces match these filters; the store holds other traces (try a wider --since or fewer filters).\n"
        : "No traces to list.\n";
    }
    return 'No traces yet. Try: moodfood query "I\'m sad"\n';
  }
  const header = p.dim(
    `${"id".padEnd(10)} ${"started".padEnd(20)} ${"time".padStart(9)} ${"decision".padEnd(16)} ${"status".padEnd(9)} query`,
  );
  const rows = traces.map((t) => {
    const status = t.status === "ok" ? p.green : t.status === "error" ? p.red : p.yellow;
    return `${t.trace_id.slice(0, 10)} ${timestamp(t.started_at).padEnd(20)} ${fmtMs(t.duration_ms ?? 0).padStart(9)} ${(t.final_decision ?? "-").padEnd(16)} ${status(t.status.padEnd(9))} ${truncate(safeText(t.query), 50)}`;
  });
  return `${[header, ...rows].join("\n")}\n`;
}
