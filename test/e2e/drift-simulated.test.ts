import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "./cli.js";

const DAY = 86_400_000;

// Simulated history ends at the time simulate ran, so these hold at any hour of the day.
describe("drift check on simulated traffic (built bin)", () => {
  it("stays quiet for a week of daily checks when nothing changed", () => {
    const dir = tempDataDir();
    const sim = moodfood(["--data-dir", dir, "simulate", "--days", "8", "--per-day", "300", "--seed", "11", "--json"]);
    expect(sim.status).toBe(0);
    const end = Date.parse(JSON.parse(sim.stdout).to);
    for (let back = 6; back >= 0; back--) {
      const until = new Date(end - back * DAY).toISOString();
      const run = moodfood(["--data-dir", dir, "drift", "check", "--until", until, "--json"]);
      const result = JSON.parse(run.stdout);
      expect(run.status, result.explanation).toBe(0);
      expect(result.window.n).toBe(300);
    }
  }, 120_000);

  it("exits 2 and names the shifted signal when the query mix changes", () => {
    const dir = tempDataDir();
    expect(
      moodfood(["--data-dir", dir, "simulate", "--days", "8", "--per-day", "300", "--seed", "11", "--drift-day", "8", "--json"]).status,
    ).toBe(0);
    const run = moodfood(["--data-dir", dir, "drift", "check", "--json"]);
    expect(run.status).toBe(2);
    const result = JSON.parse(run.stdout);
    expect(result.explanation).toMatch(/Label mix changed/);
    const alerts = JSON.parse(moodfood(["--data-dir", dir, "drift", "alerts", "--json"]).stdout).alerts;
    expect(alerts.map((a: { type: string }) => a.type)).toContain("labels");
  }, 120_000);

  it("sees the drift right after demo with a default drift check, and demo still runs twice", () => {
    const dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "demo", "--json"]).status).toBe(0);
    const run = moodfood(["--data-dir", dir, "drift", "check", "--json"]);
    expect(JSON.parse(run.stdout).severity).toMatch(/high|critical/);
    expect(run.status).toBe(2);
    const again = moodfood(["--data-dir", dir, "demo", "--json"]);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).simulation).toBeNull();
  }, 120_000);
});
