import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { parseDatabaseUrl } from "../../src/store/postgres/connection-url.js";
import { lockKey, migrate } from "../../src/store/postgres/migrate.js";
import { createPool, createSql, type PoolSql } from "../../src/store/postgres/sql-client.js";

export const databaseUrl = inject("databaseUrl") || undefined; // test/support/postgres-global-setup.ts

/** A fresh, migrated schema on the test database with the store's own Sql client over it; `drop` removes it. */
export async function scratchSchema(url: string): Promise<{ sql: PoolSql; drop: () => Promise<void> }> {
  const schema = `t_pg2_${randomBytes(5).toString("hex")}`;
  const withSchema = new URL(url);
  withSchema.searchParams.set("schema", schema);
  const target = parseDatabaseUrl(withSchema.toString());
  const pool = createPool(target);
  const client = await pool.connect();
  try {
    // Made up front: migrate.ts's schemaVersion still names schema_migrations in a query before it exists.
    await client.query(
      `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.schema_migrations (version INT PRIMARY KEY, applied_at BIGINT NOT NULL)`,
    );
    await migrate(client, schema, target.display);
  } finally {
    client.release();
  }
  const sql = createSql(pool, target.display, lockKey("write", schema));
  return {
    sql,
    async drop() {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await sql.end();
    },
  };
}
