import type { Command } from "commander";
import { UserError } from "../../errors.js";
import { printResult } from "../output.js";
import type { RunState } from "../program.js";
import type { ContextFactory } from "./index.js";

export function registerHealth(program: Command, context: ContextFactory, state: RunState): void {
  program
    .command("health")
    .description("check store, file system, model, LLM, metrics server, drift, errors and feedback; Nagios exit codes 0/1/2/3")
    .option("--deep", "also make one live call to the configured LLM endpoint (short timeout)")
    .option("--json", "print one application/health+json document with score and overall_status")
    .addHelpText(
      "after",
      "\nExit codes: 0 healthy, 1 degraded, 2 unhealthy, 3 could not check (or a usage error).\nExamples:\n  $ moodfood health\n  $ moodfood health --deep --json\n",
    )
    .action(async (options: { deep?: boolean }, command: Command) => {
      const ctx = context(command);
      const [{ runHealth }, { renderHealth }] = await Promise.all([import("../../health/run-health.js"), import("../render/health.js")]);
      let result: Awaited<ReturnType<typeof runHealth>>;
      try {
        result = await runHealth(
          { deep: options.deep === true },
          { config: ctx.config, cwd: process.cwd(), warn: (line) => ctx.stderr(`moodfood: ${line}\n`) },
        );
      } catch (error) {
        // A failing component is a result (exit 1 or 2); health itself not running is UNKNOWN.
        const message = error instanceof Error ? error.message : String(error);
        throw new UserError("health_not_checked", `Health could not be checked: ${message}`, 3);
      }
      printResult(ctx, result, renderHealth);
      state.exitCode = result.exit_code;
    });
}
