import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";
import { openTestStore } from "../support/test-store.js";

// Spawns the built bin (npm test builds first).
describe("moodfood demo / simulate (built CLI)", () => {
  it("demo fills an empty store with a week of history, answers one query, and skips the history next time", async () => {
    const dataDir = tempDataDir();
    const first = moodfood(["--data-dir", dataDir, "demo", "--json"]);
    expect(first.status).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.simulation).toMatchObject({ days: 7, per_day: 300, queries: 2_100, drift_day: 7 });
    expect(result.answer.recommendations.length).toBeGreaterThan(0);
    const again = JSON.parse(moodfood(["--data-dir", dataDir, "demo", "--json"]).stdout);
    expect(again.simulation).toBeNull();
    const store = await openTestStore(dataDir);
    expect(await store.traces.list({ limit: 1_000_000 })).toHaveLength(2_102);
    await store.close();
  });

  it("simulate --json keeps stdout to one JSON document and stderr quiet off a terminal", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "simulate", "--days", "1", "--per-day", "50", "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).queries).toBe(50);
    expect(run.stderr).toBe("");
  });
});
