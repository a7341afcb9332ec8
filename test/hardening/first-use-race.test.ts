import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moodfood, moodfoodAsync, tempDataDir } from "../e2e/cli.js";

// Issue 16: many processes creating the same new data dir at once lose nothing.
describe("first use of a data dir (built CLI)", () => {
  it("16 processes making the same new nested data dir all answer, and every trace is stored", async () => {
    for (let trial = 0; trial < 3; trial++) {
      const dir = join(tempDataDir(), "a", "b", "data");
      const runs = await Promise.all(Array.from({ length: 16 }, (_, i) => moodfoodAsync(["--data-dir", dir, "query", `sad ${i}`])));
      expect(runs.map((r) => (r.status === 0 ? "ok" : r.stderr))).toEqual(new Array(16).fill("ok"));
      const list = JSON.parse(moodfood(["--data-dir", dir, "trace", "list", "--json"]).stdout) as { traces: unknown[] };
      expect(list.traces).toHaveLength(16);
    }
  });
});
