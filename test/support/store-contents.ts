import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { onPostgres, schemaUrl, testDatabaseUrl } from "./test-store.js";

/** Every table of the data dir's PostgreSQL schema with each of its rows in text form. */
export async function schemaTables(dir: string): Promise<{ name: string; rows: string[] }[]> {
  const { default: pg } = await import("pg");
  const schema = new URL(schemaUrl(dir)).searchParams.get("schema") as string;
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
      [schema],
    );
    const out: { name: string; rows: string[] }[] = [];
    for (const { name } of tables.rows) {
      const result = await client.query<{ row: string }>(
        `SELECT t::text AS row FROM ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)} t`,
      );
      out.push({ name, rows: result.rows.map((r) => r.row) });
    }
    return out;
  } finally {
    await client.end();
  }
}

const schemaRows = async (dir: string): Promise<string[]> => (await schemaTables(dir)).flatMap((table) => table.rows);

/** All the data dir's store holds, as text: the SQLite database file's bytes, or on PostgreSQL every row of its schema. */
export async function storeText(dir: string): Promise<string> {
  if (onPostgres()) return (await schemaRows(dir)).join("\n");
  return readFileSync(join(dir, "moodfood.db")).toString("latin1");
}

/** How much the store takes: the SQLite file and its WAL in bytes, or on PostgreSQL the text of every row of its schema. */
export async function storeBytes(dir: string): Promise<number> {
  if (onPostgres()) return (await schemaRows(dir)).reduce((n, row) => n + Buffer.byteLength(row), 0);
  return ["moodfood.db", "moodfood.db-wal"].reduce((n, f) => {
    try {
      return n + statSync(join(dir, f)).size;
    } catch {
      return n;
    }
  }, 0);
}
