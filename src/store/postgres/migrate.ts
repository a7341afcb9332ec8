import { createHash } from "node:crypto";
import type pg from "pg";
import { PG_MIGRATIONS } from "./migrations.js";
import { outdatedBuild } from "./pg-errors.js";

/** The schema the unqualified names resolve to when the URL names none. */
const DEFAULT_SCHEMA = "public";

/** A signed 64-bit advisory-lock key, the same in every process for the same purpose and schema. */
export function lockKey(purpose: string, schema: string | undefined): string {
  return createHash("sha256")
    .update(`moodfood:${purpose}:${schema ?? DEFAULT_SCHEMA}`)
    .digest()
    .readBigInt64BE(0)
    .toString();
}

/** The highest migration applied, as `version`: what SQLite keeps in user_version. */
export const SCHEMA_VERSION = "SELECT coalesce(max(version), 0)::int AS version FROM schema_migrations";

/** The schema's version, 0 for one moodfood never touched (no schema_migrations table yet). */
async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (!rows[0]?.present) return 0;
  return (await client.query<{ version: number }>(SCHEMA_VERSION)).rows[0]?.version ?? 0;
}

/**
 * Brings the schema to PG_MIGRATIONS.length. Everything, schema creation included, happens in one
 * transaction holding an advisory lock on the schema's name, so instances starting together migrate once.
 */
export async function migrate(client: pg.ClientBase, schema: string | undefined, location: string, now = Date.now): Promise<void> {
  const found = await schemaVersion(client);
  if (found > PG_MIGRATIONS.length) throw outdatedBuild(location, found, PG_MIGRATIONS.length);
  if (found === PG_MIGRATIONS.length) return;
  await client.query("BEGIN");
  try {
    // A migration (or the wait for another instance's) may outlast the 15 s meant for queries.
    await client.query("SET LOCAL statement_timeout = 0");
    await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [lockKey("migrate", schema)]);
    // Only when missing: IF NOT EXISTS still needs CREATE on the database, which a provisioned schema's role may lack.
    const missing = schema && (await client.query("SELECT to_regnamespace($1) IS NULL AS missing", [schema])).rows[0]?.missing;
    if (missing) await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, applied_at BIGINT NOT NULL)");
    const version = await schemaVersion(client); // another instance may have migrated while we waited
    if (version > PG_MIGRATIONS.length) throw outdatedBuild(location, version, PG_MIGRATIONS.length);
    for (let v = version; v < PG_MIGRATIONS.length; v++) {
      await client.query(PG_MIGRATIONS[v] as string);
      await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [v + 1, now()]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
