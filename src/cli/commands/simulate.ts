import { type Command, InvalidArgumentError } from "commander";
import type { SimulateOptions, SimulateSummary } from "../../simulate/run-simulate.js";
import type { Store } from "../../store/store.js";
import type { CliContext } from "../context.js";
import { printResult } from "../output.js";
import { intInRange } from "../parsers.js";
import type { ContextFactory } from "./index.js";

interface SimulateFlags {
  days: number;
  perDay: number;
  seed: string;
  feedbackRate: number;
  llmFailureRate: number;
  driftDay?: number;
  append?: boolean;
}

/** A week of history with the last day drifted, so trace list, drift check and the report have something to show. */
const DEMO_HISTORY: SimulateOptions = { days: 7, perDay: 300, seed: "demo", feedbackRate: 0.15, llmFailureRate: 0.03, driftDay: 7 };
const DEMO_QUERY = "I'm sad and it's freezing outside";

const share = (value: string): number => {
  const x = Number(value);
  if (value.trim() === "" || !Number.isFinite(x) || x < 0 || x > 1) throw new InvalidArgumentError("expected a number from 0 to 1.");
  return x;
};

export function registerSimulate(program: Command, context: ContextFactory): void {
  program
    .command("simulate")
    .description("fill the store with realistic past traffic: days of 24 h ending now, traced, with feedback and LLM failures")
    .option("--days <n>", "days of history (24 h each), the last one ending now", intInRange(1, 3650), 7)
    .option("--per-day <n>", "queries per day", intInRange(1, 1_000_000), 500)
    .option("--seed <s>", "random seed: the same seed gives the same history", "42")
    .option("--feedback-rate <r>", "share of traces that get feedback, 0-1", share, 0.15)
    .option("--llm-failure-rate <r>", "share of LLM calls that fail, 0-1", share, 0.03)
    .option("--drift-day <d>", "from this day on (1 = the oldest) the query mix shifts", intInRange(1, 3650))
    .option("--append", "add to a time range that already holds traces (else simulate refuses, exit 1)")
    .option("--json", "print the summary as one JSON object")
    .addHelpText(
      "after",
      "\nInto a store that already holds traces in those days, simulate refuses (exit 1) unless --append is given.\nExamples:\n  $ moodfood simulate --days 7 --per-day 1000\n  $ moodfood simulate --days 14 --drift-day 12 --seed 7 --json\n",
    )
    .action(async (flags: SimulateFlags, command: Command) => {
      const ctx = context(command);
      const options: SimulateOptions = { ...flags, driftDay: flags.driftDay ?? null, append: flags.append === true };
      const [{ checkSimulateOptions }, { withStore }, { renderSimulateSummary }] = await Promise.all([
        import("../../simulate/simulate-options.js"),
        import("../with-store.js"),
        import("../render/simulate-summary.js"),
      ]);
      checkSimulateOptions(options); // a usage error leaves no store behind
      const summary = await withStore(ctx, (store) => simulateInto(ctx, store, options));
      printResult(ctx, summary, renderSimulateSummary);
    });

  program
    .command("demo")
    .description("a first look: simulate a week of history (into an empty store) and answer one query")
    .option("--json", "print {simulation, answer} as one JSON object")
    .addHelpText("after", "\nExample:\n  $ moodfood demo\n")
    .action(async (_options: unknown, command: Command) => {
      const ctx = context(command);
      const [{ renderDemo }, { withRuntime }] = await Promise.all([import("../render/demo.js"), import("../with-store.js")]);
      await withRuntime(ctx, { traces: "store" }, async (runtime) => {
        const empty = (await runtime.store.traces.list({ limit: 1 })).length === 0;
        const simulation = empty ? await simulateInto(ctx, runtime.store, DEMO_HISTORY) : null;
        const answer = await runtime.query({ text: DEMO_QUERY });
        printResult(ctx, { simulation, answer }, renderDemo);
      });
    });
}

async function simulateInto(ctx: CliContext, store: Store, options: SimulateOptions): Promise<SimulateSummary> {
  const [{ runSimulate }, { runQuery }, { openRuntime }, { createLocalProvider }, { terminalProgress }] = await Promise.all([
    import("../../simulate/run-simulate.js"),
    import("../../pipeline/pipeline.js"),
    import("../../runtime/runtime.js"),
    import("../../pipeline/providers/local.js"),
    import("../render/progress-bar.js"),
  ]);
  // Always the offline parser: replaying thousands of queries must never call a paid endpoint.
  const runtime = await openRuntime(ctx.config, { traces: "batched", store, provider: createLocalProvider() });
  const { sink, ...pipeline } = await runtime.pipeline();
  const progress = process.stderr.isTTY ? terminalProgress(ctx.stderr, "queries") : null;
  try {
    const traces = sink as typeof sink & { flush(): Promise<void> }; // "batched" delivery
    return await runSimulate(options, { store, pipeline, traces, runQuery, now: Date.now(), onProgress: progress?.update });
  } finally {
    progress?.finish();
    await runtime.close(); // exporters (TRACE_LOG_FILE, OTLP) flushed; the store stays the caller's
  }
}
