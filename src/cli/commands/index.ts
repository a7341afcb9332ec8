import type { Command } from "commander";
import type { CliContext } from "../context.js";
import type { RunState } from "../program.js";
import { registerDrift } from "./drift.js";
import { registerInterop } from "./interop.js";
import { registerMetrics } from "./metrics.js";
import { registerPrune } from "./prune.js";
import { registerQuery } from "./query.js";
import { registerSimulate } from "./simulate.js";
import { registerTrace } from "./trace.js";

export type ContextFactory = (command: Command) => CliContext;

/** Every command group; heavy implementations are imported inside their actions. */
export function registerCommands(program: Command, context: ContextFactory, state: RunState): void {
  registerQuery(program, context);
  registerTrace(program, context);
  registerPrune(program, context);
  registerDrift(program, context, state);
  registerMetrics(program, context);
  registerInterop(program, context, state);
  registerSimulate(program, context);
}
