import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect } from "vitest";
import { type CliResult, moodfood, tempDataDir } from "../e2e/cli.js";

/** A fresh schema on the test cluster, the URL that selects it, and its removal. */
export function scratchTarget(base: string) {
  const schema = `t_migrate_${randomBytes(5).toString("hex")}`;
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  return {
    schema,
    url: url.toString(),
    /** Runs SQL on the scratch schema (for checks and faults the CLI cannot make). */
    async query<R extends pg.QueryResultRow>(text: string): Promise<R[]> {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`SET search_path = ${schema}`);
        return (await client.query<R>(text)).rows;
      } finally {
        await client.end();
      }
    },
    async drop() {
      await this.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/** Every CLI run of a test file, so one assertion can check that none of them printed the password. */
export const runs: CliResult[] = [];

export function run(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = moodfood(args, { env });
  runs.push(result);
  return result;
}

/**
 * A SQLite data dir used the way a team uses one: three simulated days with a drifted last day,
 * explicit feedback, a drift check that opens alerts, a retrained model promoted, a health record.
 */
export function usedDataDir(): { dir: string; simulatedTo: string } {
  const dir = tempDataDir();
  const sim = run(["--data-dir", dir, "--json", "simulate", "--days", "3", "--per-day", "60", "--drift-day", "3"]);
  expect(sim.status, sim.stderr).toBe(0);
  const traces = JSON.parse(run(["--data-dir", dir, "--json", "trace", "list", "--limit", "3"]).stdout).traces as { trace_id: string }[];
  for (const [i, t] of traces.entries()) {
    const given = run(["--data-dir", dir, "feedback", "explicit", t.trace_id, "--rating", String(i + 2), "--comment", `migrated ${i}`]);
    expect(given.status, given.stderr).toBe(0);
  }
  expect(run(["--data-dir", dir, "drift", "check"]).status).toBe(2); // the shifted label mix opens alerts
  const retrain = run(["--data-dir", dir, "--json", "retrain"]);
  expect(retrain.status, retrain.stderr).toBe(0);
  const candidate = JSON.parse(retrain.stdout).candidate as string;
  expect(run(["--data-dir", dir, "models", "promote", candidate]).status).toBe(0); // an active model with its weights
  expect(run(["--data-dir", dir, "health"]).status).not.toBe(3);
  return { dir, simulatedTo: JSON.parse(sim.stdout).to as string };
}

/** "2026-W49": the ISO week of a time, as `report weekly --week` takes it. */
export function isoWeek(iso: string): string {
  const day = new Date(iso);
  const thursday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7)));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week =
    1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - (3 - ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
