import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, moodfood, tempDataDir } from "../e2e/cli.js";
import { backendEnv } from "../support/test-store.js";

// Issue 16: large listings stream with bounded memory (`trace list --limit 200000 --json` once took 2 GB and failed).
describe("large listings (built CLI)", () => {
  it("lists 10,500 traces as one JSON document with a heap below the output's size", () => {
    const dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "simulate", "--days", "3", "--per-day", "3500", "--feedback-rate", "0"]).status).toBe(0);
    // A 24 MB old space would not hold the output (about 33 MB) as one string: streaming is what makes this pass.
    const args = ["--data-dir", dir, "trace", "list", "--limit", "200000", "--json"];
    const run = spawnSync(process.execPath, ["--max-old-space-size=24", BIN, ...args], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
      env: { ...process.env, ...backendEnv(args) },
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(24 * 1024 * 1024);
    const parsed = JSON.parse(run.stdout) as { traces: { trace_id: string }[] };
    expect(parsed.traces).toHaveLength(10_500);
    expect(new Set(parsed.traces.map((t) => t.trace_id)).size).toBe(10_500);
  }, 120_000);
});
