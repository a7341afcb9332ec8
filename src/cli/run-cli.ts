import { type Command, CommanderError } from "commander";
import type { CliIo } from "./context.js";
import { describeError, formatError } from "./errors.js";
import { commandWord, createProgram, nestedCommandsNamed, type RunState } from "./program.js";
import { loadColours } from "./render/paint.js";

/** Parses argv, runs the command and returns the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const state: RunState = { exitCode: 0 };
  const json = argv.includes("--json");
  let program: Command | undefined;
  try {
    if (io.isTTY && !json && !argv.includes("--no-color") && !("NO_COLOR" in io.env)) await loadColours();
    program = createProgram(io, state, argv);
    await program.parseAsync(argv, { from: "user" });
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
    if (error instanceof CommanderError && error.code === "commander.unknownCommand" && program) {
      reported.message = unknownCommandMessage(error.message, program, argv);
    }
    io.stderr(formatError(reported, json));
    // Check commands (health, drift check) answer 3, the Nagios UNKNOWN, whenever they could not check (a usage
    // error, a store that cannot be read); a command that does not exist was never a check, so it is a plain 2.
    const unknown = reported.code === "unknown_command";
    return !unknown && isCheckCommand(argv) ? 3 : reported.exitCode;
  }
}

/** "Unknown command 'serve'. Did you mean metrics serve?": full command paths, one line. */
function unknownCommandMessage(raw: string, program: Command, argv: string[]): string {
  const word = /unknown command '([^']*)'/.exec(raw)?.[1] ?? "";
  const top = commandWord(argv);
  const nested = word === top ? nestedCommandsNamed(program, word) : [];
  const spelled = /\(Did you mean (.+)\?\)/.exec(raw)?.[1];
  const where = word === top || !top ? "" : `${top} `;
  const suggestion = nested.length ? nested.join(" or ") : spelled ? `${where}${spelled}` : null;
  return `Unknown command '${where}${word}'.${suggestion ? ` Did you mean ${suggestion}?` : " See moodfood --help."}`;
}

function isCheckCommand(argv: string[]): boolean {
  const word = commandWord(argv);
  return word === "health" || (word === "drift" && argv[argv.indexOf("drift") + 1] === "check");
}
