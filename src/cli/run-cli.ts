import { CommanderError } from "commander";
import type { CliIo } from "./context.js";
import { describeError, formatError } from "./errors.js";
import { commandWord, createProgram, type RunState } from "./program.js";
import { loadColours } from "./render/paint.js";

/** Parses argv, runs the command and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const state: RunState = { exitCode: 0 };
  const json = argv.includes("--json");
  try {
    if (io.isTTY && !json && !argv.includes("--no-color") && !("NO_COLOR" in io.env)) await loadColours();
    await createProgram(io, state, argv).parseAsync(argv, { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (
      error instanceof CommanderError &&
      (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help")
    ) {
      return 0;
    }
    if (io.env.DEBUG?.includes("moodfood") && error instanceof Error) io.stderr(`${error.stack}\n`);
    const reported = describeError(error);
    io.stderr(formatError(reported, json));
    // Check commands (health, drift check) use 3 for a usage error, the Nagios UNKNOWN.
    return reported.exitCode === 2 && isCheckCommand(argv) ? 3 : reported.exitCode;
  }
}

function isCheckCommand(argv: string[]): boolean {
  const word = commandWord(argv);
  return word === "health" || (word === "drift" && argv[argv.indexOf("drift") + 1] === "check");
}
