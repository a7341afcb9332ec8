import { describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "./cli.js";

const DAY = 86_400_000;
const midnight = (daysAgo: number) => new Date(Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY).toISOString();

describe("drift check on simulated traffic (built bin)", () => {
  it("stays quiet for a week of daily checks when nothing changed", () => {
    const dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "simulate", "--days", "8", "--per-day", "300", "--seed", "11", "--json"]).status).toBe(0);
    for (let back = 6; back >= 0; back--) {
      const run = moodfood(["--data-dir", dir, "drift", "check", "--until", midnight(back), "--json"]);
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
});
