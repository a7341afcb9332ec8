import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { onPostgres } from "../support/test-store.js";
import { moodfood, tempDataDir } from "./cli.js";

describe("moodfood backup on either backend", () => {
  it("copies a SQLite store, and on PostgreSQL says to use pg_dump (exit 1, one line)", () => {
    const dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "query", "I'm sad"]).status).toBe(0);
    const run = moodfood(["--data-dir", dir, "backup", join(dir, "copy.db")]);
    if (onPostgres()) {
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        "moodfood: moodfood backup copies a SQLite store; this one is on PostgreSQL (MOODFOOD_DATABASE_URL): use pg_dump.\n",
      );
    } else {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Backed up 1 trace/);
    }
  });
});
