import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { BIN, moodfood, tempDataDir } from "../e2e/cli.js";
import { backendEnv } from "../support/test-store.js";

// Issue 16: a killed simulate leaves its partial history marked, and the next simulate says so.
describe("an interrupted simulate (built CLI)", () => {
  it("is named by the next simulate, which refuses the range or, with --append, notes it", async () => {
    const dir = tempDataDir();
    const args = ["--data-dir", dir, "simulate", "--days", "30", "--per-day", "2000", "--json"];
    const child = spawn(process.execPath, [BIN, ...args], { stdio: "ignore", env: { ...process.env, ...backendEnv(args) } });
    // Kill it once it has stored some history, long before it could finish.
    for (let i = 0; i < 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const list = moodfood(["--data-dir", dir, "trace", "list", "--limit", "1", "--json"]);
      if ((JSON.parse(list.stdout) as { traces: unknown[] }).traces.length > 0) break;
    }
    child.kill("SIGKILL");
    await once(child, "exit");
    const refused = moodfood(["--data-dir", dir, "simulate", "--days", "30", "--per-day", "10"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/an earlier simulate of .* was interrupted: its history is partial/);
    const appended = moodfood(["--data-dir", dir, "--json", "simulate", "--days", "1", "--per-day", "10", "--append"]);
    expect(appended.status).toBe(0);
    expect(JSON.parse(appended.stdout)).toMatchObject({ interrupted_earlier: expect.stringMatching(/was interrupted/) });
    const after = JSON.parse(moodfood(["--data-dir", dir, "--json", "simulate", "--days", "1", "--per-day", "10", "--append"]).stdout);
    expect(after.interrupted_earlier).toBeNull();
  }, 60_000);
});
