import { defineConfig } from "vitest/config";

// Tests that run a second time with the store on PostgreSQL (test/support/test-store.ts picks the
// backend; the global setup starts a private cluster, or the tests skip and say why).
const BOTH_BACKENDS = ["test/postgres/**/*.test.ts"];
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
        test: { name: "postgres", include: BOTH_BACKENDS, globalSetup: POSTGRES_SETUP, env: { MOODFOOD_TEST_BACKEND: "postgres" } },
      },
      {
        extends: true,
        test: { name: "fleet", include: FLEET, globalSetup: POSTGRES_SETUP, fileParallelism: false, testTimeout: 60_000 },
      },
    ],
  },
});
