import { type Command, InvalidArgumentError } from "commander";
import { UsageError } from "../../errors.js";
import type { CliContext } from "../context.js";
import type { ContextFactory } from "./index.js";

interface DashboardFlags {
  refresh: number;
}

const seconds = (value: string): number => {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0.2 || n > 3600)
    throw new InvalidArgumentError("expected seconds from 0.2 to 3600.");
  return n;
};

const NOT_A_TERMINAL =
  "moodfood dashboard needs a terminal; for machine-readable status use moodfood health --json or moodfood report weekly --format json.";

export function registerDashboard(program: Command, context: ContextFactory): void {
  program
    .command("dashboard")
    .description("live view of the store: health, model, throughput, latency, decisions, LLM, drift, feedback, recent traces")
    .option("--refresh <seconds>", "seconds between refreshes", seconds, 1)
    .addHelpText(
      "after",
      "\nKeys: ↑/↓ select a trace, Enter its waterfall, Esc back, / filter, p pause, ? help, q quit.\nNeeds a terminal (exit 2 otherwise).\nExamples:\n  $ moodfood dashboard\n  $ moodfood --data-dir /var/lib/moodfood dashboard --refresh 5\n",
    )
    .action(async (flags: DashboardFlags, command: Command) => runDashboard(flags, context(command)));
}

/** Refuses a pipe or --json (exit 2) before loading anything, then runs the Ink app on a read-only store. */
async function runDashboard(flags: DashboardFlags, ctx: CliContext): Promise<void> {
  if (ctx.json) throw new UsageError("not_a_terminal", `The dashboard has no --json. ${NOT_A_TERMINAL}`);
  if (!ctx.isTTY || !(await stdinIsTerminal())) throw new UsageError("not_a_terminal", NOT_A_TERMINAL);
  const [{ withStoreForReading }, { storeDashboardSource }, { loadDashboardUi }] = await Promise.all([
    import("../with-store.js"),
    import("../../overview/dashboard-source.js"),
    import("../load-dashboard-ui.js"),
  ]);
  const { config } = ctx;
  await withStoreForReading(ctx, async (store) => {
    const source = storeDashboardSource(store, {
      circuitModels: config.llmProvider === "openai" ? [config.llmModel] : [],
      traceCleanupHours: config.traceCleanupHours,
    });
    const ui = await loadDashboardUi();
    await ui.startDashboard(source, { refreshMs: flags.refresh * 1000, color: ctx.color, dataDir: config.dataDir });
  });
}

/** Keys come from stdin, so it must be a terminal too (`moodfood dashboard < file` cannot be driven). */
async function stdinIsTerminal(): Promise<boolean> {
  const { isatty } = await import("node:tty");
  return isatty(0);
}
