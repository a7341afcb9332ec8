import { type Command, Option } from "commander";
import { printResult } from "../output.js";
import { intInRange } from "../parsers.js";
import type { RunState } from "../program.js";
import { durationArg, minutesArg } from "../time-args.js";
import type { ContextFactory } from "./index.js";

interface CheckOptions {
  window: number;
  until?: string;
  baseline?: string;
}

export function registerDrift(program: Command, context: ContextFactory, state: RunState): void {
  const drift = program
    .command("drift")
    .description("drift statistics, checks, alerts and the watch loop")
    .addHelpText(
      "after",
      "\nExamples:\n  $ moodfood drift check\n  $ moodfood drift compare last_week.txt today.txt\n  $ moodfood drift alerts\n",
    );

  drift
    .command("compare")
    .description("compare two files of numbers: KS (scipy method=auto p-value), Wasserstein-1, JS distance, PSI")
    .argument("<baseline-file>", "JSON array or one number per line")
    .argument("<current-file>", "JSON array or one number per line")
    .option("--json", "print one JSON object")
    .addHelpText("after", "\nExample:\n  $ moodfood drift compare last_week.txt today.txt --json\n")
    .action(async (baselinePath: string, currentPath: string, _o: unknown, command: Command) => {
      const ctx = context(command);
      const { runDriftCompare } = await import("../../drift/compare.js");
      const { renderCompare } = await import("../render/drift-compare.js");
      printResult(ctx, await runDriftCompare({ baselinePath, currentPath }), renderCompare);
    });

  drift
    .command("check")
    .description("compare the current window with a baseline; Nagios exit codes 0/1/2/3")
    .addOption(windowOption())
    .option("--until <time>", "end of the current window: a date/time or a duration ago (default now)")
    .option("--baseline <spec>", "model | previous | FROM..TO (default: the pinned baseline, else previous)")
    .option("--json", "print one JSON object")
    .addHelpText(
      "after",
      "\nExit codes: 0 none/low, 1 medium, 2 high/critical, 3 insufficient data or usage error.\nExamples:\n  $ moodfood drift check\n  $ moodfood drift check --window 7d --baseline 2026-10-01..2026-10-08 --json\n",
    )
    .action(async (options: CheckOptions, command: Command) => {
      const ctx = context(command);
      const { runCheckOnce } = await import("../drift-runner.js");
      const result = await runCheckOnce(ctx, options);
      const { renderDriftCheck } = await import("../render/drift-check.js");
      printResult(ctx, result, renderDriftCheck);
      state.exitCode = result.exit_code;
    });

  drift
    .command("watch")
    .description("run drift checks every DRIFT_CHECK_INTERVAL minutes until Ctrl-C")
    .option("--interval <min>", "minutes between checks, at least 1 (default DRIFT_CHECK_INTERVAL, else 60)", minutesArg)
    .addOption(windowOption())
    .addHelpText("after", "\nExample:\n  $ moodfood drift watch --interval 15\n")
    .action(async (options: { interval?: number; window: number }, command: Command) => {
      const ctx = context(command);
      const { watchDrift, watchIntervalMinutes } = await import("../drift-runner.js");
      await watchDrift(ctx, watchIntervalMinutes(options.interval, ctx.config.driftCheckIntervalMin) * 60_000, options.window);
    });

  drift
    .command("alerts")
    .description("drift alerts, newest first (unresolved unless --all)")
    .option("--all", "include resolved alerts")
    .option("--limit <n>", "how many", intInRange(1, 100_000), 50)
    .option("--json", 'print {"alerts": [...]}')
    .addHelpText("after", "\nExamples:\n  $ moodfood drift alerts\n  $ moodfood drift alerts --all --json\n")
    .action(async (options: { all?: boolean; limit: number }, command: Command) => {
      const ctx = context(command);
      const { listAlerts } = await import("../drift-runner.js");
      const { renderAlerts } = await import("../render/drift-alerts.js");
      printResult(ctx, await listAlerts(ctx, options.all === true, options.limit), renderAlerts);
    });

  drift
    .command("ack")
    .description("acknowledge an open drift alert")
    .argument("<alert-id>", "alert id or unique prefix")
    .option("--json", "print the alert as JSON")
    .addHelpText("after", "\nExample:\n  $ moodfood drift ack drift-1a2b\n")
    .action(async (id: string, _o: unknown, command: Command) => {
      const ctx = context(command);
      const { ackAlert } = await import("../drift-runner.js");
      printResult(
        ctx,
        await ackAlert(ctx, id),
        (a) => `Acknowledged ${a.alert_id} (${a.type}, ${a.severity}); it resolves by itself when the drift clears.\n`,
      );
    });

  const baseline = drift
    .command("baseline")
    .description("pin, show or clear the reference window drift checks compare against")
    .addHelpText(
      "after",
      "\nExamples:\n  $ moodfood drift baseline set 2026-11-01..2026-11-08\n  $ moodfood drift baseline show\n  $ moodfood drift baseline clear\n",
    );
  baseline
    .command("set")
    .description("compare later checks against this window (at least 50 traces; until cleared or replaced)")
    .argument("<range>", "FROM..TO, e.g. 2026-11-01..2026-11-08")
    .addHelpText("after", "\nExample:\n  $ moodfood drift baseline set 2026-11-01..2026-11-08\n")
    .option("--json", "print the pinned range as JSON")
    .action(async (range: string, _o: unknown, command: Command) => {
      const ctx = context(command);
      const [{ setBaseline }, { renderBaselineSet }] = await Promise.all([
        import("../drift-runner.js"),
        import("../render/drift-baseline.js"),
      ]);
      printResult(ctx, await setBaseline(ctx, range), renderBaselineSet);
    });
  baseline
    .command("show")
    .description("the pinned baseline window and how many traces it holds")
    .option("--json", 'print {"pinned": {...} | null, "model_version"}')
    .addHelpText("after", "\nExample:\n  $ moodfood drift baseline show\n")
    .action(async (_o: unknown, command: Command) => {
      const ctx = context(command);
      const [{ showBaseline }, { renderBaselineShow }] = await Promise.all([
        import("../drift-runner.js"),
        import("../render/drift-baseline.js"),
      ]);
      printResult(ctx, await showBaseline(ctx), renderBaselineShow);
    });
  baseline
    .command("clear")
    .description("unpin the baseline: checks compare with the previous window again")
    .option("--json", 'print {"cleared": true|false}')
    .addHelpText("after", "\nExample:\n  $ moodfood drift baseline clear\n")
    .action(async (_o: unknown, command: Command) => {
      const ctx = context(command);
      const [{ clearBaseline }, { renderBaselineClear }] = await Promise.all([
        import("../drift-runner.js"),
        import("../render/drift-baseline.js"),
      ]);
      printResult(ctx, await clearBaseline(ctx), renderBaselineClear);
    });
}

// The default is shown as the user would type it ("24h"), not as milliseconds.
const windowOption = () => new Option("--window <dur>", "length of the current window").argParser(durationArg).default(86_400_000, "24h");
