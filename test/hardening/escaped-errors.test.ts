import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";

// Issue 16: an error message that echoes an argument cannot drive the terminal (a damaged store: corrupt-store.sqlite.test.ts).
describe("error messages (built CLI)", () => {
  it("strips escape sequences from error messages that echo an argument", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "trace", "\u001b]0;owned\u0007abcdef\u001b[2J"]);
    expect(run.status).toBe(2); // not a trace id: a usage error
    expect(run.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(run.stderr).toMatch(/abcdef/);
  });
});
