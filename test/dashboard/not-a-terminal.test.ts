import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

const POINTER =
  "moodfood dashboard needs a terminal; for machine-readable status use moodfood health --json or moodfood report weekly --format json.";

describe("moodfood dashboard without a terminal (built CLI)", () => {
  it("a pipe gets one line pointing at the JSON commands, exit 2, nothing on stdout", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "dashboard"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`moodfood: ${POINTER}\n`);
  });

  it("--json is refused the same way, as a JSON error", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "--json", "dashboard"]);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stderr)).toEqual({ error: { code: "not_a_terminal", message: `The dashboard has no --json. ${POINTER}` } });
  });

  it("a bad --refresh is a usage error", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "dashboard", "--refresh", "0"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--refresh");
  });
});
