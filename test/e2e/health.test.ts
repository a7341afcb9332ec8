import { describe, expect, it } from "vitest";
import { onPostgres } from "../support/test-store.js";
import { moodfood, tempDataDir } from "./cli.js";
import { env, health, lineOf, queried } from "./health-cli.js";

// DESIGN §8/§12: moodfood health's exit codes (Nagios) and one clear line per check, from the built CLI.
// A damaged database file, a read-only mount and a full disk: health.sqlite.test.ts.

describe("moodfood health (built CLI)", () => {
  it("a fresh setup with one query, no server, no LLM: healthy, exit 0", () => {
    const dir = queried();
    const human = health(dir);
    expect({ status: human.status, stderr: human.stderr }).toEqual({ status: 0, stderr: "" });
    expect(human.stdout).toMatch(/^Health HEALTHY {2}score 100\/100\n/);
    expect(lineOf(human.stdout, "metrics_server:reachable")).toMatch(/^pass .* not running on 127\.0\.0\.1:\d+/);
    expect(human.stdout).toMatch(/exit 0 \(OK\); stored for moodfood_system_health/);
    const json = health(dir, "--json");
    expect(json.status).toBe(0);
    const doc = JSON.parse(json.stdout) as { status: string; overall_status: string; score: number; checks: Record<string, unknown[]> };
    expect(doc).toMatchObject({ status: "pass", overall_status: "healthy", score: 100 });
    // SQLite's quick_check has no PostgreSQL counterpart, so no integrity row is claimed there.
    const storeChecks = onPostgres() ? ["store:schema_version"] : ["store:integrity"];
    expect(Object.keys(doc.checks)).toEqual(
      expect.arrayContaining([...storeChecks, "filesystem:free_space", "model:loaded", "errors:error_rate"]),
    );
    const scrape = moodfood(["--data-dir", dir, "metrics", "show"], { env });
    expect(scrape.stdout).toMatch(/^moodfood_system_health 100$/m);
  });

  it("exit 3 when health itself cannot run (an invalid setting), with one line naming it", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "health"], { env: { ...env, MOODFOOD_ALERT_WEBHOOK_FORMAT: "teams" } });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^moodfood: Environment variable MOODFOOD_ALERT_WEBHOOK_FORMAT="teams" is invalid: expected json .*slack.*discord.*\n$/,
    );
  });
});
