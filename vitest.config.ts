import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// A test runs a second time with the store on PostgreSQL when it reaches the store through the test
// helpers that follow the project's backend (test/support/test-store.ts): openTestStore, or the CLI
// through moodfood()/cli()/backendEnv, or a dir's helper built on them (health's withWriteStore and
// healthConfig, metrics' memoryStore, the server's startTestServer). A test of something only SQLite
// has is named *.sqlite.test.ts.
const REACHES_THE_STORE = /\b(openTestStore|moodfood|moodfoodAsync|cli|backendEnv|withWriteStore|healthConfig|memoryStore|startTestServer)\(/;
const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
const BOTH_BACKENDS = testFiles("test").filter(
  (path) => !/\.sqlite\.test\.tsx?$/.test(path) && !/^test\/(fleet|migrate|postgres)\//.test(path) && REACHES_THE_STORE.test(readFileSync(path, "utf8")),
);
// Several instances on one PostgreSQL, a restarted server: one file at a time, on their own cluster.
const FLEET = ["test/fleet/**/*.test.ts", "test/migrate/**/*.test.ts"];
const POSTGRES_SETUP = "test/support/postgres-global-setup.ts";

export default defineConfig({
  test: {
    testTimeout: 20_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "sqlite", include: ["test/**/*.test.ts", "test/**/*.test.tsx"], exclude: ["test/postgres/**", ...FLEET] },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["test/postgres/**/*.test.ts", ...BOTH_BACKENDS],
          globalSetup: POSTGRES_SETUP,
          env: { MOODFOOD_TEST_BACKEND: "postgres" },
        },
      },
      {
        extends: true,
        test: { name: "fleet", include: FLEET, globalSetup: POSTGRES_SETUP, fileParallelism: false, testTimeout: 60_000 },
      },
    ],
  },
});
