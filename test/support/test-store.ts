import { createHash, randomBytes } from "node:crypto";
import { inject } from "vitest";
import { type OpenOptions, openStore, type Store } from "../../src/store/store.js";

/**
 * Which backend this test project runs the store on: the `postgres` project sets
 * MOODFOOD_TEST_BACKEND=postgres and a global setup starts a private cluster; everything else is SQLite.
 */
export const onPostgres = (): boolean => process.env.MOODFOOD_TEST_BACKEND === "postgres";

/** The private cluster's URL ("" when none could be started). */
export const testDatabaseUrl = (): string => (onPostgres() ? inject("databaseUrl") || process.env.MOODFOOD_TEST_DATABASE_URL || "" : "");

/** One schema per data dir, so a test's processes share a store exactly as they share a directory on SQLite. */
export function schemaUrl(dataDir: string): string {
  const schema = `t_${createHash("sha1").update(dataDir).digest("hex").slice(0, 16)}`;
  const url = new URL(testDatabaseUrl());
  url.searchParams.set("schema", schema);
  return url.toString();
}

/**
 * The environment that puts a CLI run on the data dir's store: on PostgreSQL, MOODFOOD_DATABASE_URL
 * for the data dir's schema; on SQLite nothing.
 */
export function backendEnv(args: readonly string[], env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  if (!onPostgres() || env.MOODFOOD_DATABASE_URL !== undefined) return {};
  const at = args.indexOf("--data-dir");
  const dataDir = at >= 0 ? args[at + 1] : env.MOODFOOD_DATA_DIR;
  return dataDir ? { MOODFOOD_DATABASE_URL: schemaUrl(dataDir) } : {};
}

/**
 * Opens the store a test works on: SQLite at `dataDir` (":memory:" for a fresh one), or on PostgreSQL
 * the data dir's schema (a fresh schema for ":memory:").
 */
export function openTestStore(dataDir: string = ":memory:", options: OpenOptions = {}): Promise<Store> {
  if (!onPostgres()) return openStore(dataDir, options);
  if (dataDir !== ":memory:") return openStore({ dataDir, databaseUrl: schemaUrl(dataDir) }, options); // the data dir's instance, as the CLI's
  const name = `memory-${randomBytes(8).toString("hex")}`;
  return openStore({ dataDir: name, databaseUrl: schemaUrl(name) }, { instance: "test-instance", ...options });
}
