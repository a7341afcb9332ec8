import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { STORE_FILE } from "../../src/store/open-store.js";
import { backendEnv, onPostgres, openTestStore, schemaUrl, testDatabaseUrl } from "../support/test-store.js";

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), "mf-sim-cli-"));
  dataDirs.push(dataDir);
  let stdout = "";
  let stderr = "";
  const argv = ["--data-dir", dataDir, ...args];
  const status = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { NO_COLOR: "1", ...backendEnv(argv) },
    cwd: dataDir,
    isTTY: false,
  });
  return { status, stdout, stderr, dataDir };
}

/** Whether a store was created for the data dir: SQLite's file, or on PostgreSQL the data dir's schema. */
async function hasStore(dataDir: string): Promise<boolean> {
  if (!onPostgres()) return existsSync(join(dataDir, STORE_FILE));
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const schema = new URL(schemaUrl(dataDir)).searchParams.get("schema");
    return (await client.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", [schema])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Same history shape, ids aside: time, query, labels and decision of every trace, oldest first. */
async function historyOf(dataDir: string) {
  const store = await openTestStore(dataDir);
  try {
    return (await store.traces.list({ limit: 1_000_000 })).reverse().map((t) => [t.started_at, t.query, t.labels, t.final_decision]);
  } finally {
    await store.close();
  }
}

describe("moodfood simulate (in process, real pipeline)", () => {
  it.each([
    [["simulate", "--days", "0"], /--days/],
    [["simulate", "--per-day", "abc"], /--per-day/],
    [["simulate", "--feedback-rate", "1.5"], /--feedback-rate/],
    [["simulate", "--llm-failure-rate", "-0.1"], /--llm-failure-rate/],
    [["simulate", "--days", "3", "--drift-day", "4"], /--drift-day must be a day from 1 \(the oldest\) to 3/],
  ])("%j is a usage error (exit 2) and creates no store", async (args, message) => {
    const result = await cli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await hasStore(result.dataDir)).toBe(false);
  });

  it("prints one JSON summary and stores exactly days × per-day traces", async () => {
    const result = await cli(["simulate", "--days", "2", "--per-day", "60", "--seed", "9", "--json"]);
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ days: 2, per_day: 60, queries: 120, seed: "9", drift_day: null });
    expect(summary.per_day_counts.map((d: { queries: number }) => d.queries)).toEqual([60, 60]);
    expect(await historyOf(result.dataDir)).toHaveLength(120);
  });

  it("gives the same labels, decisions and times for the same seed", async () => {
    const args = ["simulate", "--days", "2", "--per-day", "80", "--seed", "same", "--llm-failure-rate", "0.1", "--json"];
    // Simulated days end at today's midnight: two runs straddling UTC midnight would differ in time.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2025, 2, 10, 23, 59, 59) });
    let a: Awaited<ReturnType<typeof cli>>;
    let b: typeof a;
    try {
      a = await cli(args);
      b = await cli(args);
    } finally {
      vi.useRealTimers();
    }
    expect(await historyOf(a.dataDir)).toEqual(await historyOf(b.dataDir));
    expect(JSON.parse(a.stdout).decisions).toEqual(JSON.parse(b.stdout).decisions);
  });

  it("prints a human summary with counts per day and what to run next", async () => {
    const result = await cli(["simulate", "--days", "3", "--per-day", "40", "--drift-day", "3"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Simulated 3 days × 40 queries/);
    expect(result.stdout.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z +40 /gm)).toHaveLength(3);
    expect(result.stdout).toMatch(/drifted/);
    expect(result.stdout).toMatch(/Next: moodfood trace list/);
  });

  it("refuses (exit 1, one line) to simulate over days that already hold traces, unless --append", async () => {
    const first = await cli(["simulate", "--days", "1", "--per-day", "30", "--json"]);
    const again = async (extra: string[]) => {
      let stderr = "";
      const argv = ["--data-dir", first.dataDir, "simulate", "--days", "1", "--per-day", "30", ...extra];
      const status = await runCli(argv, {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
        env: { NO_COLOR: "1", ...backendEnv(argv) },
        cwd: first.dataDir,
        isTTY: false,
      });
      return { status, stderr };
    };
    const refused = await again([]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^moodfood: The store already holds traces between \S+Z and \S+Z; .*--append/);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);
    expect(await historyOf(first.dataDir)).toHaveLength(30);
    expect((await again(["--append"])).status).toBe(0);
    expect(await historyOf(first.dataDir)).toHaveLength(60);
  });
});
