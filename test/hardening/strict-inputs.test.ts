import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

// Issue 16, the smaller items: each bad value is one line and a usage exit code, nothing written.
describe("strict inputs (built CLI)", () => {
  it.each([
    ["an empty --data-dir", ["--data-dir", "", "trace", "list"], {}, /--data-dir is empty/],
    ["an empty MOODFOOD_DATA_DIR", ["trace", "list"], { MOODFOOD_DATA_DIR: " " }, /MOODFOOD_DATA_DIR/],
    ["an impossible date", ["trace", "list", "--since", "2026-02-30"], {}, /"2026-02-30" is neither a duration .* nor a real date/],
    ["an impossible baseline range", ["drift", "baseline", "set", "2026-02-30..2026-03-02"], {}, /not a time range/],
    ["an LLM base URL without a scheme", ["query", "sad"], { MOODFOOD_LLM_BASE_URL: "localhost:8080" }, /MOODFOOD_LLM_BASE_URL/],
  ])("refuses %s with one line, exit 2", (_what, args, env, message) => {
    const dir = tempDataDir();
    const own = args[0] === "--data-dir" || "MOODFOOD_DATA_DIR" in env;
    const run = moodfood(own ? args : ["--data-dir", dir, ...args], { env });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(message)]);
  });

  it("still accepts a real leap day and a date-time with a zone", () => {
    const dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "trace", "list", "--since", "2028-02-29"]).status).toBe(0);
    expect(moodfood(["--data-dir", dir, "trace", "list", "--since", "2026-11-20T12:00+01:00"]).status).toBe(0);
  });
});
