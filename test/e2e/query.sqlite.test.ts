import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "./cli.js";

// SQLite only: the store is a file in the data dir (on PostgreSQL the data dir holds only the instance id, kept on first use when it can be).
describe("moodfood query on a SQLite store (built bin)", () => {
  it("reports a corrupt database and an unusable data dir in one line, exit 1", () => {
    const corrupt = tempDataDir();
    writeFileSync(join(corrupt, "moodfood.db"), Buffer.alloc(8192, 7));
    const bad = moodfood(["--data-dir", corrupt, "query", "sad"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/not a readable moodfood database/);
    const file = join(tempDataDir(), "a-file");
    writeFileSync(file, "x");
    const notDir = moodfood(["--data-dir", join(file, "data"), "query", "sad"]);
    expect(notDir.status).toBe(1);
    expect(notDir.stderr.trim().split("\n")).toEqual([expect.stringMatching(/Cannot open .* for writing/)]);
  });
});
