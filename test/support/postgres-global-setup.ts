import type { TestProject } from "vitest/node";
import { startPrivateCluster } from "../../scripts/lib/private-postgres.mjs";
import { findService } from "./services.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL URL tests may create schemas on, or "" when no server could be started. */
    databaseUrl: string;
    /** The cluster's data dir and bin dir when this setup started it (the restart scenario needs them), else "". */
    postgresCluster: { data: string; bin: string; asRoot: boolean };
  }
}

// A test cluster need not survive a crash: no fsync, no full-page writes; many connections for parallel files.
const TEST_SETTINGS = { max_connections: 400, fsync: "off", synchronous_commit: "off", full_page_writes: "off" };

/**
 * Starts a private PostgreSQL cluster on loopback for the postgres and fleet test projects (or uses
 * MOODFOOD_TEST_DATABASE_URL), and stops it after the run. Without a server the tests skip and say why.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.MOODFOOD_TEST_DATABASE_URL;
  const initdb = given ? undefined : findService("postgresql", "the PostgreSQL backend tests");
  if (!initdb) {
    project.provide("databaseUrl", given ?? "");
    project.provide("postgresCluster", { data: "", bin: "", asRoot: false });
    return () => {};
  }
  const cluster = await startPrivateCluster({ initdb, password: "test-secret-never-printed", settings: TEST_SETTINGS });
  project.provide("databaseUrl", cluster.url);
  project.provide("postgresCluster", { data: cluster.data, bin: cluster.bin, asRoot: cluster.asRoot });
  return cluster.stop;
}
