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

/** Output is handed to stdout in pieces of about this size: few writes, bounded memory. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Prints a trace listing as it is read, so `trace list --limit 200000 --json` never builds one huge string:
 * the JSON is byte for byte what JSON.stringify({ traces }, null, 2) would print.
 */
export async function streamTraceList(
  traces: AsyncIterable<TraceJson>,
  ctx: CliContext,
  scope: () => Promise<TraceListScope>,
): Promise<void> {
  let buffer = "";
  let count = 0;
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) {
      ctx.stdout(buffer);
      buffer = "";
    }
  };
  const p = paint(ctx.color);
  for await (const trace of traces) {
    if (ctx.json) emit(`${count === 0 ? '{\n  "traces": [\n' : ",\n"}${indent(JSON.stringify(trace, null, 2), "    ")}`);
    else emit(`${count === 0 ? `${tableHeader(p)}\n` : ""}${tableRow(trace, p)}\n`);
    count++;
  }
  if (ctx.json) emit(count === 0 ? '{\n  "traces": []\n}\n' : "\n  ]\n}\n");
  else if (count === 0) emit(emptyMessage(await scope()));
  ctx.stdout(buffer);
}

function emptyMessage(scope: TraceListScope): string {
  if (!scope.storeHasTraces) return 'No traces yet. Try: moodfood query "I\'m sad"\n';
  return scope.filtered
    ? "No traces match these filters; the store holds other traces (try a wider --since or fewer filters).\n"
    : "No traces to list.\n";
}

const indent = (text: string, pad: string) => pad + text.replaceAll("\n", `\n${pad}`);

function tableHeader(p: ReturnType<typeof paint>): string {
  return p.dim(`${"id".padEnd(10)} ${"started".padEnd(20)} ${"time".padStart(9)} ${"decision".padEnd(16)} ${"status".padEnd(9)} query`);
}

function tableRow(t: TraceJson, p: ReturnType<typeof paint>): string {
  const status = t.status === "ok" ? p.green : t.status === "error" ? p.red : p.yellow;
  return `${t.trace_id.slice(0, 10)} ${timestamp(t.started_at).padEnd(20)} ${fmtMs(t.duration_ms ?? 0).padStart(9)} ${(t.final_decision ?? "-").padEnd(16)} ${status(t.status.padEnd(9))} ${truncate(safeText(t.query), 50)}`;
}
