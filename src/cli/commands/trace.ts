import { type Command, Option } from "commander";
import type { TraceRecord } from "../../records/trace.js";
import type { TraceFilter } from "../../store/trace-queries.js";
import { findTrace } from "../../tracing/find-trace.js";
import { effectiveStatus } from "../../tracing/maintenance.js";
import { type TraceJson, traceToJson } from "../../tracing/trace-json.js";
import type { CliContext } from "../context.js";
import { printResult } from "../output.js";
import { intInRange, nonNegativeNumber } from "../parsers.js";
import { streamTraceList } from "../render/trace-list.js";
import { renderTrace } from "../render/trace-view.js";
import { parsePointInTime } from "../time-args.js";
import { withStoreForReading } from "../with-store.js";
import type { ContextFactory } from "./index.js";

interface ListOptions {
  since?: string;
  until?: string;
  limit: number;
  status?: TraceFilter["status"];
  decision?: string;
  minMs?: number;
  modelVersion?: string;
}

export function registerTrace(program: Command, context: ContextFactory): void {
  const trace = program
    .command("trace")
    .description("inspect a trace by id or unique prefix (≥ 6 chars), or list traces")
    .argument("<id>", "trace id or unique prefix")
    .option("--json", "print the trace as JSON")
    .addHelpText("after", "\nExamples:\n  $ moodfood trace 4bf92f\n  $ moodfood trace list --since 1h --status error\n")
    .action(async (id: string, _options: unknown, command: Command) => {
      const ctx = context(command);
      const found = await withStoreForReading(ctx, (store) => findTrace(store, id));
      printResult(ctx, present(found, ctx), renderTrace);
    });

  trace
    .command("list")
    .description("traces, newest first, as a compact table")
    .option("--since <dur|date>", "only traces that started after this (e.g. 24h, 2026-11-20)")
    .option("--until <dur|date>", "only traces that started before this")
    .option("--limit <n>", "how many traces at most", intInRange(1, 100_000_000), 20)
    .addOption(new Option("--status <status>", "only this status").choices(["ok", "error", "active", "abandoned"]))
    .addOption(
      new Option("--decision <decision>", "only this final decision").choices([
        "ml_validated",
        "llm_fallback",
        "ml_only",
        "default_fallback",
      ]),
    )
    .option("--min-ms <n>", "only traces at least this slow", nonNegativeNumber)
    .option("--model-version <v>", "only this model version")
    .option("--json", 'print {"traces": [...]}')
    .addHelpText("after", "\nExamples:\n  $ moodfood trace list --limit 50\n  $ moodfood trace list --since 7d --min-ms 5 --json\n")
    .action(async (options: ListOptions, command: Command) => {
      const ctx = context(command);
      const now = Date.now();
      const filter: TraceFilter = {
        limit: options.limit,
        since: options.since === undefined ? undefined : parsePointInTime(options.since, now),
        until: options.until === undefined ? undefined : parsePointInTime(options.until, now),
        status: options.status,
        decision: options.decision,
        minMs: options.minMs,
        modelVersion: options.modelVersion,
        abandonedBefore: now - ctx.config.traceCleanupHours * 3_600_000,
      };
      const filtered = [options.since, options.until, options.status, options.decision, options.minMs, options.modelVersion].some(
        (value) => value !== undefined,
      );
      await withStoreForReading(ctx, async (store) => {
        const traces = (async function* () {
          for await (const trace of store.traces.iterate(filter)) yield present(trace, ctx, now);
        })();
        await streamTraceList(traces, ctx, async () => ({ filtered, storeHasTraces: (await store.traces.list({ limit: 1 })).length > 0 }));
      });
    });
}

function present(trace: TraceRecord, ctx: CliContext, now = Date.now()): TraceJson {
  return traceToJson({ ...trace, status: effectiveStatus(trace, now, ctx.config.traceCleanupHours) });
}
