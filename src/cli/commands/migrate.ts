import { dirname } from "node:path";
import type { Command } from "commander";
import { isUserError, UsageError, UserError } from "../../errors.js";
import type { StoreCopy } from "../../store/copy/copy-store.js";
import { parseDatabaseUrl } from "../../store/postgres/connection-url.js";
import { describeError, formatError } from "../errors.js";
import { printResult } from "../output.js";
import type { RunState } from "../program.js";
import type { ContextFactory } from "./index.js";

export interface MigrateOptions {
  dataDir: string;
  /** The target URL as given (it may hold a password: never echo it). */
  to: string;
  /** MOODFOOD_INSTANCE, or "" for the data dir's own id. */
  instance: string;
}

export function registerMigrate(program: Command, context: ContextFactory, state: RunState): void {
  program
    .command("migrate")
    .description("copy the data dir's SQLite store into PostgreSQL, then check every row arrived; a rerun copies only what is missing")
    .requiredOption(
      "--to <postgres-url>",
      "the target, postgres://user:password@host:5432/db (?schema=NAME picks a schema, created if missing)",
    )
    .option(
      "--json",
      'print {"source", "target", "instance", "tables": [{table, copied, already_there, verified, source_rows}], "verified", ...}',
    )
    .addHelpText(
      "after",
      "\nMetric rollups are copied under this data dir's instance id: keep --data-dir when you run on PostgreSQL.\nExit codes: 0 every row verified, 1 a table did not verify or PostgreSQL could not be reached, 2 usage.\nExample:\n  $ moodfood migrate --to 'postgres://moodfood:secret@db:5432/moodfood?schema=team_a'\n",
    )
    .action(async (options: { to: string }, command: Command) => {
      const ctx = context(command);
      const result = await runMigrate({ dataDir: ctx.config.dataDir, to: options.to, instance: ctx.config.instance });
      printResult(ctx, result, renderMigrate);
      if (!result.verified) {
        ctx.stderr(formatError(describeError(unverifiedError(result)), ctx.json));
        state.exitCode = 1;
      }
    });
}

/** Copies and verifies; a target that is not a PostgreSQL URL is a usage error, said without the URL itself. */
export async function runMigrate(options: MigrateOptions): Promise<StoreCopy> {
  try {
    parseDatabaseUrl(options.to);
  } catch (error) {
    if (isUserError(error)) throw new UsageError("invalid_target", `--to: ${error.message}`);
    throw error;
  }
  const { copyStoreToPostgres } = await import("../../store/copy/copy-store.js");
  return copyStoreToPostgres({ dataDir: options.dataDir, url: options.to, instance: options.instance || undefined });
}

function unverifiedError(result: StoreCopy): UserError {
  const missing = result.tables
    .filter((t) => result.unverified.includes(t.table))
    .map((t) => `${t.table} (${t.source_rows - t.verified} of ${t.source_rows} rows missing)`);
  return new UserError("migrate_unverified", `Migration to ${result.target} did not verify: ${missing.join(", ")}; run migrate again.`);
}

export function renderMigrate(r: StoreCopy): string {
  const lines = r.tables.map(
    (t) => `${t.table}: ${t.copied} copied, ${t.already_there} already there, ${t.verified}/${t.source_rows} verified`,
  );
  const seconds = (r.elapsed_ms / 1000).toFixed(1);
  const outcome = r.verified ? "every row verified" : `NOT verified: ${r.unverified.join(", ")}`;
  lines.push(`Migrated ${r.source} to ${r.target} (instance ${r.instance}) in ${seconds} s: ${outcome}.`, ...r.notes);
  if (r.verified) {
    const dataDir = shellWord(dirname(r.source));
    lines.push(
      `To run on PostgreSQL, set MOODFOOD_DATABASE_URL to the --to URL and keep --data-dir ${dataDir} (its instance id ${r.instance} keeps these metrics), e.g.`,
      `  MOODFOOD_DATABASE_URL='<the --to URL>' moodfood --data-dir ${dataDir} trace list`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const shellWord = (word: string): string => (/^[\w./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);
