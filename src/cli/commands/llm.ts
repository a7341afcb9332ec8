import type { Command } from "commander";
import { printResult } from "../output.js";
import type { RunState } from "../program.js";
import { withStoreForReading } from "../with-store.js";
import type { ContextFactory } from "./index.js";

export function registerLlm(program: Command, context: ContextFactory, state: RunState): void {
  const llm = program.command("llm").description("the LLM provider (MOODFOOD_LLM_PROVIDER)");
  llm
    .command("check")
    .description("make one live call to the configured LLM provider: latency, model, whether the output validated, circuit state")
    .option("--json", "print the result as one JSON object")
    .addHelpText(
      "after",
      "\nThe call goes around the circuit breaker: the check never opens or closes it. Exit codes: 0 the call answered with\nvalid output, 1 it failed (timeout, HTTP status, invalid output), 2 usage error.\nExamples:\n  $ moodfood llm check\n  $ MOODFOOD_LLM_PROVIDER=openai MOODFOOD_LLM_BASE_URL=http://localhost:11434/v1 MOODFOOD_LLM_MODEL=llama3.2 moodfood llm check --json\n",
    )
    .action(async (_options: unknown, command: Command) => {
      const ctx = context(command);
      const [{ runLlmCheck }, { readCircuit }, { renderLlmCheck }] = await Promise.all([
        import("../../pipeline/providers/llm-check.js"),
        import("../../pipeline/providers/circuit-breaker.js"),
        import("../render/llm-check.js"),
      ]);
      const result = await runLlmCheck({
        config: ctx.config,
        readCircuit: async (model) => {
          try {
            return await withStoreForReading(ctx, (store) => readCircuit(store, model));
          } catch {
            return undefined; // the check is about the endpoint; an unreadable store only hides the circuit
          }
        },
      });
      printResult(ctx, result, renderLlmCheck);
      state.exitCode = result.ok ? 0 : 1;
    });
}
