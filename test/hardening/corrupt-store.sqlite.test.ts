import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

// Issue 16: corruption found after open is reported as corruption, not "Unexpected error … malformed".
// SQLite only: the damage is written into the database file.
function corruptMiddle(dataDir: string): void {
  const file = join(dataDir, "moodfood.db");
  const size = statSync(file).size;
  const fd = openSync(file, "r+");
  // Random bytes over pages well past the header and schema: open succeeds, reads of those pages fail.
  let seed = 7;
  const garbage = Buffer.alloc(64 * 1024, 0).map(() => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 24;
  });
  for (let at = 32 * 1024; at < size - 4096; at += 128 * 1024) writeSync(fd, garbage, 0, Math.min(garbage.length, size - at), at);
  closeSync(fd);
}

describe("a store corrupted after it was opened (built CLI)", () => {
  it("trace list says the store is damaged (exit 1, one line, code store_corrupt); drift check exits 3", () => {
    const dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "simulate", "--days", "2", "--per-day", "1500", "--feedback-rate", "0"]).status).toBe(0);
    corruptMiddle(dir);
    const list = moodfood(["--data-dir", dir, "--json", "trace", "list", "--limit", "5000"]);
    expect(list.status).toBe(1);
    expect(JSON.parse(list.stderr)).toMatchObject({ error: { code: "store_corrupt" } });
    const check = moodfood(["--data-dir", dir, "drift", "check"]);
    expect(check.status).toBe(3);
    expect(check.stderr.trim().split("\n")).toHaveLength(1);
    expect(check.stderr).toMatch(/corrupt/);
  }, 60_000);
});
