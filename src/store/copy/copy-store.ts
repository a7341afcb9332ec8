import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "../../errors.js";
import { INSTANCE_FILE, instanceId } from "../instance-id.js";
import { type Db, openDatabase, STORE_FILE } from "../open-store.js";
import { parseDatabaseUrl } from "../postgres/connection-url.js";
import { lockKey, migrate } from "../postgres/migrate.js";
import { pgError } from "../postgres/pg-errors.js";
import { createPool, createSql, type PoolSql } from "../postgres/sql-client.js";
import { COPIED_TABLES, type CopiedTable } from "./copied-tables.js";
import { sourceBatches } from "./source-batches.js";
import { countPresent, insertBatch } from "./target-statements.js";

export interface TableCopy {
  table: string;
  copied: number;
  already_there: number;
  /** Source rows whose key the target holds after the copy. */
  verified: number;
  source_rows: number;
}

export interface StoreCopy {
  /** The SQLite file copied from. */
  source: string;
  /** The target without its password. */
  target: string;
  /** The instance the rollups were copied under. */
  instance: string;
  tables: TableCopy[];
  /** True when every source row of every table is on the target. */
  verified: boolean;
  /** Tables with a source row the target does not hold. */
  unverified: string[];
  /** What the copy left as it found it on the target (an active model), one sentence each. */
  notes: string[];
  elapsed_ms: number;
}

export interface CopyOptions {
  dataDir: string;
  /** A postgres:// URL (its `?schema=` picks the schema, created if missing). */
  url: string;
  /** MOODFOOD_INSTANCE when set; else the data dir's own id (src/store/instance-id.ts), as openStore picks it. */
  instance?: string;
  now?: () => number;
}

/**
 * Copies a data dir's SQLite store into PostgreSQL, batch by batch, skipping rows already there, then
 * checks that every source row is on the target. The source is read in one snapshot, so both passes
 * see the same rows even while other processes keep writing to it.
 */
export async function copyStoreToPostgres(options: CopyOptions): Promise<StoreCopy> {
  const now = options.now ?? Date.now;
  const started = now();
  const target = parseDatabaseUrl(options.url);
  const source = resolve(join(options.dataDir, STORE_FILE));
  if (!existsSync(source)) {
    throw new UserError("no_store", `There is no SQLite store to migrate in ${options.dataDir}; pass --data-dir or set MOODFOOD_DATA_DIR.`);
  }
  const instance = dataDirInstance(options.dataDir, options.instance);
  const sql = await connect(target);
  try {
    const db = openDatabase(options.dataDir, { readonly: true });
    try {
      db.exec("BEGIN"); // one read snapshot for the copy and the verification
      const tables: TableCopy[] = [];
      for (const table of COPIED_TABLES) tables.push(await copyTable(db, sql, table, instance));
      for (const [i, table] of COPIED_TABLES.entries()) Object.assign(tables[i] as TableCopy, await verifyTable(db, sql, table, instance));
      const unverified = tables.filter((t) => t.verified !== t.source_rows).map((t) => t.table);
      const notes = await activeModelNote(db, sql);
      db.exec("COMMIT");
      return {
        source,
        target: target.display,
        instance,
        tables,
        verified: unverified.length === 0,
        unverified,
        notes,
        elapsed_ms: now() - started,
      };
    } finally {
      db.close();
    }
  } finally {
    await sql.end();
  }
}

/** The id later runs on PostgreSQL will write rollups under; one that could not be kept would orphan the copied rollups. */
function dataDirInstance(dataDir: string, given: string | undefined): string {
  const id = instanceId(dataDir, { MOODFOOD_INSTANCE: given || undefined });
  if (!given && !existsSync(join(dataDir, INSTANCE_FILE))) {
    throw new UserError(
      "instance_unsaved",
      `Could not keep an instance id in ${dataDir} (${INSTANCE_FILE}), so later runs would not find the copied metrics; make it writable or set MOODFOOD_INSTANCE.`,
    );
  }
  return id;
}

/** Connects and brings the target's schema up to date; an unreachable server is one UserError. */
async function connect(target: ReturnType<typeof parseDatabaseUrl>): Promise<PoolSql> {
  const pool = createPool(target);
  try {
    const client = await pool.connect();
    try {
      await migrate(client, target.schema, target.display);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw pgError(error, target.display);
  }
  // Each batch takes the store's write lock, so running instances' writes interleave with the copy, never into it.
  return createSql(pool, target.display, lockKey("write", target.schema));
}

async function copyTable(db: Db, sql: PoolSql, table: CopiedTable, instance: string): Promise<TableCopy> {
  let copied = 0;
  let rows = 0;
  for (const batch of sourceBatches(db, table, instance)) {
    const insert = insertBatch(table, batch);
    copied += await sql.transaction(() => sql.run(insert.text, insert.params));
    rows += batch.length;
  }
  return { table: table.name, copied, already_there: rows - copied, verified: 0, source_rows: rows };
}

async function verifyTable(
  db: Db,
  sql: PoolSql,
  table: CopiedTable,
  instance: string,
): Promise<Pick<TableCopy, "verified" | "source_rows">> {
  let verified = 0;
  let rows = 0;
  for (const batch of sourceBatches(db, table, instance)) {
    const count = countPresent(table, batch);
    verified += (await sql.one<{ found: number }>(count.text, count.params))?.found ?? 0;
    rows += batch.length;
  }
  return { verified, source_rows: rows };
}

/** The target keeps its own active model; say so when that is not this store's. */
async function activeModelNote(db: Db, sql: PoolSql): Promise<string[]> {
  const ours = (db.prepare("SELECT version FROM models WHERE active = 1").get() as { version: string } | undefined)?.version;
  if (ours === undefined) return [];
  const theirs = (await sql.one<{ version: string }>("SELECT version FROM models WHERE active = 1 ORDER BY saved_seq LIMIT 1"))?.version;
  if (theirs === ours) return [];
  return [
    `The target's active model stays ${theirs ?? "the shipped one"}; this store's active ${ours} was copied inactive (moodfood models promote ${ours} to switch).`,
  ];
}
