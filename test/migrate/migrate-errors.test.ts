import { existsSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

// A password no test cluster uses, so the check also runs where no PostgreSQL server could start.
const PASSWORD = "hunter2-never-printed";
const databaseUrl = inject("databaseUrl");

/** A data dir with a store in it: one query. */
function storeDir(): string {
  const dir = tempDataDir();
  expect(moodfood(["--data-dir", dir, "query", "I'm sad"]).status).toBe(0);
  return dir;
}

describe("moodfood migrate refuses what it cannot copy, in one line and without the password (built bin)", () => {
  it.each([
    ["mysql://root:PW@db:3306/moodfood", /must start with postgres:\/\/ or postgresql:\/\//],
    ["not a url PW", /is not a valid URL/],
    ["postgres://u:PW@db/moodfood?schema=Team-A", /schema must be/],
  ])("exits 2 for --to %s", (url, message) => {
    const run = moodfood(["--data-dir", storeDir(), "migrate", "--to", url.replace("PW", PASSWORD)]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toContain(PASSWORD);
  });

  it("exits 2 without --to", () => {
    const run = moodfood(["--data-dir", storeDir(), "migrate"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--to <postgres-url>/);
  });

  it("exits 1 when the data dir holds no SQLite store, and creates nothing there", () => {
    const dir = `${tempDataDir()}/never-used`;
    const run = moodfood(["--data-dir", dir, "migrate", "--to", `postgres://u:${PASSWORD}@127.0.0.1:1/db`]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^moodfood: There is no SQLite store to migrate in .*never-used/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
  });

  it("exits 1 with store_unavailable when PostgreSQL cannot be reached, naming it without the password", () => {
    const run = moodfood([
      "--data-dir",
      storeDir(),
      "--json",
      "migrate",
      "--to",
      `postgres://moodfood:${PASSWORD}@127.0.0.1:1/db?schema=x`,
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const { error } = JSON.parse(run.stderr);
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toContain("postgres://moodfood@127.0.0.1:1/db?schema=x");
    expect(run.stderr).not.toContain(PASSWORD);
  });

  it.skipIf(!databaseUrl)("exits 1 with store_auth for a wrong password, and does not print it", () => {
    const url = new URL(databaseUrl);
    url.password = PASSWORD;
    const run = moodfood(["--data-dir", storeDir(), "migrate", "--to", url.toString()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^moodfood: PostgreSQL at .* refused the login/);
    expect(run.stderr).not.toContain(PASSWORD);
  });
});
