import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

// quick_check reads every page, so `health` reuses a passing one under an hour old; --deep runs it again.
describe("health's integrity check (built CLI)", () => {
  it("runs quick_check the first time, then reuses it with its age and time; --deep runs it again", () => {
    const dir = tempDataDir();
    moodfood(["--data-dir", dir, "query", "I'm sad"]);
    const integrity = (args: string[]) => {
      const doc = JSON.parse(moodfood(["--data-dir", dir, "--json", "health", ...args]).stdout) as {
        checked_at: string;
        checks: Record<string, { output: string; time: string }[]>;
      };
      return { ...doc.checks["store:integrity"]?.[0], checked_at: doc.checked_at };
    };
    const first = integrity([]);
    expect(first.output).toMatch(/^quick_check ok in \d+ ms$/);
    expect(first.time).toBe(first.checked_at);
    const second = integrity([]);
    expect(second.output).toMatch(/^quick_check ok in \d+ ms \(0 min ago; --deep runs it again\)$/);
    expect(second.time).toBe(first.time);
    const deep = integrity(["--deep"]);
    expect(deep.output).toMatch(/^quick_check ok in \d+ ms$/);
    expect(deep.time).toBe(deep.checked_at);
  });
});
