import type { Command } from "commander";
import type { CliContext } from "../context.js";
import type { RunState } from "../program.js";
import { registerBackup } from "./backup.js";
import { registerConfig } from "./config.js";
import { registerDashboard } from "./dashboard.js";
import { registerDrift } from "./drift.js";
import { registerFeedback } from "./feedback.js";
import { registerHealth } from "./health.js";
import { registerInterop } from "./interop.js";
import { registerLlm } from "./llm.js";
import { registerMetrics } from "./metrics.js";
import { registerMigrate } from "./migrate.js";
import { registerModel } from "./model.js";
import { registerPrune } from "./prune.js";
import { registerQuery } from "./query.js";
import { registerReport } from "./report.js";
import { registerSimulate } from "./simulate.js";
import { registerTrace } from "./trace.js";

export type ContextFactory = (command: Command) => CliContext;
type Register = (program: Command, context: ContextFactory, state: RunState) => void;

/** Command groups and the top-level words each registers (help order). */
const GROUPS: readonly { words: readonly string[]; register: Register }[] = [
  { words: ["query"], register: registerQuery },
  { words: ["trace"], register: registerTrace },
  { words: ["simulate", "demo"], register: registerSimulate },
  { words: ["drift"], register: registerDrift },
  { words: ["health"], register: registerHealth },
  { words: ["metrics"], register: registerMetrics },
  { words: ["feedback"], register: registerFeedback },
  { words: ["train", "retrain", "models", "eval"], register: registerModel },
  { words: ["export", "import"], register: registerInterop },
  { words: ["prune"], register: registerPrune },
  { words: ["dashboard"], register: registerDashboard },
  { words: ["report"], register: registerReport },
  { words: ["llm"], register: registerLlm },
  { words: ["config"], register: registerConfig },
  { words: ["backup"], register: registerBackup },
  { words: ["migrate"], register: registerMigrate },
];

/**
 * Registers the group that `word` names, or every group (help, typos, no command). Declaring all
 * ~40 commands costs commander several ms, paid on every `moodfood query` otherwise.
 */
export function registerCommands(program: Command, context: ContextFactory, state: RunState, word?: string): void {
  const only = GROUPS.find((group) => word !== undefined && group.words.includes(word));
  for (const group of only ? [only] : GROUPS) group.register(program, context, state);
}
