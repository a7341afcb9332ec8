import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { UserError } from "../../errors.js";
import { STORE_FILE } from "../../store/open-store.js";
import type { BackupResult, Store } from "../../store/store.js";
import { printResult } from "../output.js";
import { withStoreForReading } from "../with-store.js";
import type { ContextFactory } from "./index.js";

export function registerBackup(program: Command, context: ContextFactory): void {
  program
    .command("backup <file>")
    .description("copy the store to <file> with SQLite's online backup, safe while other processes write")
    .option("--force", "replace <file> if it exists")
    .option("--json", "print {path, bytes, traces, schema_version} as JSON")
    .addHelpText(
      "after",
      "\nThe copy is written under a temporary name beside <file>, checked (quick_check, schema, trace count), then\nmoved into place. To restore, stop moodfood and copy it to <data-dir>/moodfood.db.\nExamples:\n  $ moodfood backup /backups/moodfood-$(date +%F).db\n  $ moodfood backup nightly.db --force --json\n",
    )
    .action(async (file: string, options: { force?: boolean }, command: Command) => {
      const ctx = context(command);
      const result = await runBackup(
        { file, force: options.force === true },
        { dataDir: ctx.config.dataDir, onPostgres: ctx.config.databaseUrl !== "", read: (fn) => withStoreForReading(ctx, fn) },
      );
      printResult(ctx, result, renderBackup);
    });
}

interface BackupDeps {
  dataDir: string;
  /** The store is on PostgreSQL: its own tools back it up. */
  onPostgres: boolean;
  /** Opens the store read-only (no write lock: writers in other processes carry on) for the duration of fn. */
  read: (fn: (store: Store) => Promise<BackupResult>) => Promise<BackupResult>;
}

export async function runBackup(options: { file: string; force: boolean }, deps: BackupDeps): Promise<BackupResult> {
  if (options.file.trim() === "")
    throw new UserError("backup_no_file", "backup needs a file name, e.g. moodfood backup ./moodfood-backup.db.", 2);
  if (deps.onPostgres) {
    throw new UserError(
      "backup_postgres",
      "moodfood backup copies a SQLite store; this one is on PostgreSQL (MOODFOOD_DATABASE_URL): use pg_dump.",
    );
  }
  if (!existsSync(join(deps.dataDir, STORE_FILE))) {
    throw new UserError("no_store", `There is no store to back up in ${deps.dataDir}; pass --data-dir or set MOODFOOD_DATA_DIR.`);
  }
  return deps.read((store) => store.backup(options.file, options.force));
}

function renderBackup(r: BackupResult): string {
  return `Backed up ${r.traces.toLocaleString("en-US")} traces to ${r.path} (${formatBytes(r.bytes)}, schema ${r.schema_version}).\n`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
