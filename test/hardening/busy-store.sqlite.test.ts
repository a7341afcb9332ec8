import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { moodfood, moodfoodAsync, tempDataDir } from "../e2e/cli.js";

// Issue 16: a query that waits longer than the busy timeout (15 s) says what happened, in one line.
const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");

describe("a store locked longer than the busy timeout (built CLI)", () => {
  it("query gives up after 15 s with one line naming the lock (store_busy, exit 1), and works once it is free", async () => {
    const dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "query", "warm up"]).status).toBe(0);
    const script = `const db = new (require(${JSON.stringify(betterSqlite)}))(${JSON.stringify(join(dir, "moodfood.db"))});
      db.exec("BEGIN IMMEDIATE"); console.log("locked"); setTimeout(() => {}, 60000);`;
    const locker = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      await once(createInterface({ input: locker.stdout! }), "line");
      const run = await moodfoodAsync(["--data-dir", dir, "--json", "query", "I'm sad"]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(JSON.parse(run.stderr)).toMatchObject({
        error: { code: "store_busy", message: expect.stringMatching(/locked for over 15 s/) },
      });
    } finally {
      locker.kill("SIGKILL");
      await once(locker, "exit");
    }
    expect(moodfood(["--data-dir", dir, "query", "I'm sad"]).status).toBe(0);
  }, 40_000);
});
