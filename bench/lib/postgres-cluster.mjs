// A private PostgreSQL cluster on loopback for the benchmarks (the steps of test/support/postgres-global-setup.ts),
// or the server MOODFOOD_BENCH_DATABASE_URL names. fsync, synchronous_commit and full_page_writes keep their
// defaults (on): the numbers are those of a durable server, not of a test fixture.
import { findInitdb, startPrivateCluster } from "../../scripts/lib/private-postgres.mjs";

const PASSWORD = "bench-secret-never-printed";

/** What a bench prints in place of a PostgreSQL row when there is no server to run it on. */
export const SKIPPED = "skipped: no PostgreSQL server";

/**
 * Resolves with { url, stop(), description }: MOODFOOD_BENCH_DATABASE_URL when set (stop() does nothing),
 * else a fresh cluster on 127.0.0.1 with password (SCRAM) auth, stopped and deleted by stop().
 * Resolves with undefined when no PostgreSQL server is installed (or MOODFOOD_BENCH_POSTGRES=off); throws when
 * one is installed but will not start.
 */
export async function startPostgres({ settings = {} } = {}) {
  if (process.env.MOODFOOD_BENCH_POSTGRES === "off") return undefined;
  const given = process.env.MOODFOOD_BENCH_DATABASE_URL;
  if (given) return { url: given, stop: () => {}, description: "MOODFOOD_BENCH_DATABASE_URL" };
  const initdb = findInitdb();
  if (!initdb) return undefined;
  const { url, version, stop } = await startPrivateCluster({ initdb, password: PASSWORD, settings, prefix: "mf-bench-pg-" });
  // A bench that throws (or is interrupted) must not leave a server running: stop it on the way out too.
  process.once("exit", stop);
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
  return { url, description: `private cluster, ${version}, fsync on`, stop };
}

/** The URL with our own `schema` parameter set (the store creates the schema if missing). */
export function withSchema(url, schema) {
  const u = new URL(url);
  u.searchParams.set("schema", schema);
  return u.toString();
}
