import { Command, Option } from "commander";
import { registerCommands } from "./commands/index.js";
import type { CliContext, CliIo, GlobalOptions } from "./context.js";
import { createContext } from "./context.js";

declare const __MOODFOOD_VERSION__: string;
export const VERSION = typeof __MOODFOOD_VERSION__ === "string" ? __MOODFOOD_VERSION__ : "0.0.0-dev";

/** Mutable per-run state: an action reports its exit code here (check commands use 1-3). */
export interface RunState {
  exitCode: number;
}

/** A fresh program per run, so tests can drive the whole CLI in process. */
export function createProgram(io: CliIo, state: RunState, argv: readonly string[] = []): Command {
  const program = new Command("moodfood")
    .description("AI mood-to-food recommender with tracing, metrics, drift detection and feedback.")
    .version(VERSION, "-V, --version", "print the version")
    .addOption(new Option("--data-dir <dir>", "data directory holding moodfood.db (env MOODFOOD_DATA_DIR)"))
    .addOption(new Option("--database-url <url>", "keep the store on PostgreSQL instead (env MOODFOOD_DATABASE_URL)"))
    .option("--json", "print exactly one JSON document on stdout")
    .option("--no-color", "plain output (also NO_COLOR)")
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: () => {}, // main prints errors itself, as one line (or JSON)
    });
  program.addHelpText("after", "\nExamples:\n  $ moodfood query \"I'm sad and it's freezing\"\n  $ moodfood trace list --limit 5\n");
  const context = (command: Command): CliContext => createContext(command.optsWithGlobals() as GlobalOptions, io);
  registerCommands(program, context, state, commandWord(argv));
  return program;
}

/** The first word of argv that is not a global option (or its value), e.g. "query". */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--data-dir" || arg === "--database-url") i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/**
 * Where an unknown word lives one level down ("serve" → "metrics serve"), so the hint names a
 * command that exists instead of the nearest spelling at the wrong level.
 */
export function nestedCommandsNamed(program: Command, word: string): string[] {
  const paths: string[] = [];
  for (const group of program.commands) {
    for (const sub of group.commands) {
      if (sub.name() === word || sub.aliases().includes(word)) paths.push(`${group.name()} ${sub.name()}`);
    }
  }
  return paths;
}
