import { CommanderError } from "commander";
import { isUserError } from "../errors.js";
import { storeError } from "../store/store-error.js";
import { safeText } from "./render/terminal-text.js";

export interface ReportedError {
  code: string;
  message: string;
  exitCode: number;
}

/** Maps anything thrown to one line and an exit code: 2 for usage, 1 for runtime, stacks only for bugs. */
export function describeError(error: unknown): ReportedError {
  if (isUserError(error)) return { code: error.code, message: error.message, exitCode: error.exitCode };
  if (error instanceof CommanderError) {
    // One line: commander puts its "(Did you mean …?)" on a second one.
    const message = error.message.replace(/^error:\s*/, "").replace(/\s*\n\(Did you mean (.+)\?\)$/, ". Did you mean $1?");
    return { code: usageCode(error.code), message: capitalise(message), exitCode: 2 };
  }
  // A store problem found after open (corruption in a page first read now, a lock held too long) is said as such.
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === "string" && sqliteCode.startsWith("SQLITE_")) {
    const mapped = storeError(error, "the store (moodfood.db)");
    if (isUserError(mapped)) return { code: mapped.code, message: mapped.message, exitCode: mapped.exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal_error", message: `Unexpected error: ${message} (set DEBUG=moodfood for details).`, exitCode: 1 };
}

/** One line; messages echo arguments, so escape sequences are stripped (no terminal injection through an error). */
export function formatError(error: ReportedError, json: boolean): string {
  const message = safeText(error.message).replace(/\s*\n\s*/g, " ");
  if (json) return `${JSON.stringify({ error: { code: error.code, message } })}\n`;
  return `moodfood: ${message}\n`;
}

// Our stable codes, not commander's internals (which could change with a commander release).
const COMMANDER_CODES: Record<string, string> = {
  "commander.unknownCommand": "unknown_command",
  "commander.unknownOption": "unknown_option",
  "commander.invalidArgument": "invalid_argument",
  "commander.missingArgument": "missing_argument",
  "commander.optionMissingArgument": "missing_option_value",
  "commander.missingMandatoryOptionValue": "missing_option",
  "commander.excessArguments": "too_many_arguments",
  "commander.conflictingOption": "conflicting_options",
};

export const usageCode = (commanderCode: string): string => COMMANDER_CODES[commanderCode] ?? "usage";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
