import type { CliContext } from "./context.js";

/** Prints a command result: exactly one JSON document in --json mode, else the human rendering. A promise is refused: await it first. */
export function printResult<T>(
  ctx: CliContext,
  result: T & (T extends PromiseLike<unknown> ? never : unknown),
  human: (result: T, ctx: CliContext) => string,
): void {
  if (ctx.json) ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else ctx.stdout(human(result, ctx));
}

/** ISO 8601 UTC with Z for epoch ms (DESIGN §4). */
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
