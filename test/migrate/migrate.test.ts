import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isoWeek, run, runs, scratchTarget, usedDataDir } from "./used-store.js";

const databaseUrl = inject("databaseUrl"); // test/support/postgres-global-setup.ts; "" when no server could start
const SKIP = "needs a PostgreSQL server (apt-get install -y postgresql; the setup starts a private cluster) or MOODFOOD_TEST_DATABASE_URL";
const TABLES = [
  "traces",
  "feedback",
  "drift_checks",
  "drift_alerts",
  "health_checks",
  "models",
  "retrain_runs",
  "meta",
  "counter_rollups",
  "histogram_rollups",
];
const TABLE_LINE = /^(\w+): (\d+) copied, (\d+) already there, (\d+)\/(\d+) verified$/;

interface TableLine {
  copied: number;
  already: number;
  verified: number;
  rows: number;
}

function tableLines(stdout: string): Record<string, TableLine> {
  const lines: Record<string, TableLine> = {};
  for (const line of stdout.split("\n")) {
    const m = TABLE_LINE.exec(line);
    if (m) lines[m[1] as string] = { copied: Number(m[2]), already: Number(m[3]), verified: Number(m[4]), rows: Number(m[5]) };
  }
  return lines;
}

describe.skipIf(!databaseUrl)(`moodfood migrate --to postgres:// (built bin)${databaseUrl ? "" : `: skipped, ${SKIP}`}`, () => {
  const target = scratchTarget(databaseUrl);
  const password = decodeURIComponent(new URL(databaseUrl || "postgres://x@y/z").password);
  let dir = "";
  let week = "";
  let first = { status: null as number | null, stdout: "", stderr: "" };
  const onSqlite = (args: string[]) => run(["--data-dir", dir, ...args]);
  const onPostgres = (args: string[]) => run(["--data-dir", dir, ...args], { MOODFOOD_DATABASE_URL: target.url });

  beforeAll(() => {
    const used = usedDataDir();
    dir = used.dir;
    week = isoWeek(used.simulatedTo);
    first = run(["--data-dir", dir, "migrate", "--to", target.url]);
  }, 120_000);
  afterAll(() => target.drop());

  it("copies every table into a schema it creates and verifies each source row on the target", () => {
    expect(first.status, first.stderr).toBe(0);
    const lines = tableLines(first.stdout);
    expect(Object.keys(lines)).toEqual(TABLES);
    for (const [table, line] of Object.entries(lines)) {
      expect(line.already, table).toBe(0);
      expect(line.copied, table).toBe(line.rows);
      expect(line.verified, table).toBe(line.rows);
    }
    expect(lines.traces?.rows).toBe(180);
    for (const table of ["feedback", "drift_alerts", "drift_checks", "health_checks", "models", "counter_rollups", "histogram_rollups"]) {
      expect(lines[table]?.rows, `${table} should have rows to copy`).toBeGreaterThan(0);
    }
    const display = new URL(target.url);
    expect(first.stdout).toContain(
      `${dir}/moodfood.db to postgres://${display.username}@${display.hostname}:${display.port}/postgres?schema=${target.schema}`,
    );
    expect(first.stdout).toMatch(/\(instance [\w.-]+\) in \d+\.\d s: every row verified\./);
    expect(first.stdout).toMatch(/set MOODFOOD_DATABASE_URL .* keep --data-dir/);
  });

  it("answers the read commands on PostgreSQL exactly as on SQLite", () => {
    const reads = [
      ["--json", "trace", "list", "--limit", "1000"],
      ["--json", "feedback", "summary"],
      ["--json", "feedback", "buffer"],
      ["--json", "drift", "alerts"],
      ["--json", "models", "list"],
      ["metrics", "show"],
      ["report", "weekly", "--week", week, "--format", "json", "--out", "-"],
    ];
    for (const args of reads) {
      const sqlite = onSqlite(args);
      const postgres = onPostgres(args);
      expect(postgres.status, `${args.join(" ")}: ${postgres.stderr}`).toBe(sqlite.status);
      expect(withoutGeneratedAt(postgres.stdout), args.join(" ")).toBe(withoutGeneratedAt(sqlite.stdout));
    }
    expect(JSON.parse(onPostgres(["--json", "drift", "alerts"]).stdout).alerts.length).toBeGreaterThan(0);
    expect(JSON.parse(onPostgres(["--json", "models", "list"]).stdout).active).not.toBeNull();
  });

  it("copies nothing twice: a second run finds every row already there, and rollups are not added again", async () => {
    const before = await target.query<{ total: number }>("SELECT sum(value)::float8 AS total FROM counter_rollups");
    const again = run(["--data-dir", dir, "migrate", "--to", target.url]);
    expect(again.status, again.stderr).toBe(0);
    for (const [table, line] of Object.entries(tableLines(again.stdout))) {
      expect(line.copied, table).toBe(0);
      expect(line.already, table).toBe(line.rows);
      expect(line.verified, table).toBe(line.rows);
    }
    expect(await target.query("SELECT sum(value)::float8 AS total FROM counter_rollups")).toEqual(before);
    expect(onPostgres(["metrics", "show"]).stdout).toBe(onSqlite(["metrics", "show"]).stdout);
  });

  it("--json prints one document with the per-table counts", () => {
    const json = run(["--data-dir", dir, "--json", "migrate", "--to", target.url]);
    expect(json.status, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ source: `${dir}/moodfood.db`, verified: true, unverified: [] });
    expect(doc.target).toMatch(new RegExp(`\\?schema=${target.schema}$`));
    expect(doc.tables.map((t: { table: string }) => t.table)).toEqual(TABLES);
    expect(doc.tables[0]).toEqual({ table: "traces", copied: 0, already_there: 180, verified: 180, source_rows: 180 });
  });

  it("copies what the store gained since, and leaves every rollup row already on the target as it was", async () => {
    const rollupRows = "SELECT name, hour, labels, value FROM counter_rollups ORDER BY name, hour, labels";
    const before = await target.query<{ name: string; hour: string; labels: string; value: number }>(rollupRows);
    expect(onSqlite(["query", "I'm sad and it's freezing"]).status).toBe(0);
    const lines = tableLines(run(["--data-dir", dir, "migrate", "--to", target.url]).stdout);
    expect(lines.traces).toEqual({ copied: 1, already: 180, verified: 181, rows: 181 });
    expect(lines.counter_rollups?.already).toBe(before.length);
    // The query raised SQLite's all-time counters; the rows already copied keep their value, never summed twice.
    const after = new Map(
      (await target.query<{ name: string; hour: string; labels: string; value: number }>(rollupRows)).map((r) => [
        `${r.name} ${r.hour} ${r.labels}`,
        r.value,
      ]),
    );
    for (const row of before) expect(after.get(`${row.name} ${row.hour} ${row.labels}`), row.name).toBe(row.value);
  });

  it("keeps the target's own active model and says so, rather than leaving two active", async () => {
    const ours = JSON.parse(onSqlite(["--json", "models", "list"]).stdout).active as string;
    await target.query(`
      DELETE FROM models;
      INSERT INTO models (version, header, weights, created_at, active) VALUES ('mf-fleet0001', '{}', '\\x00', 0, 1);`);
    const again = run(["--data-dir", dir, "migrate", "--to", target.url]);
    expect(again.status, again.stderr).toBe(0);
    expect(tableLines(again.stdout).models).toMatchObject({ copied: 1, verified: 1 });
    expect(again.stdout).toContain(`The target's active model stays mf-fleet0001; this store's active ${ours} was copied inactive`);
    expect(await target.query("SELECT version FROM models WHERE active = 1")).toEqual([{ version: "mf-fleet0001" }]);
  });

  it("exits 1 naming the table whose rows are not all on the target", async () => {
    // Two copied rows gone and two others in their place (the totals still agree), and a trigger that swallows
    // inserts, so the rerun cannot put them back: only counting the source's keys on the target tells.
    await target.query(`
      DELETE FROM feedback WHERE feedback_id IN (SELECT feedback_id FROM feedback ORDER BY id LIMIT 2);
      -- Two other rows in their place: the totals agree, only the keys tell the rows apart.
      INSERT INTO feedback (feedback_id, trace_id, created_at, type, sentiment)
        SELECT 'from-elsewhere-' || n, 'none', 0, 'explicit', 'neutral' FROM generate_series(1, 2) AS n;
      CREATE FUNCTION swallow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
      CREATE TRIGGER swallow BEFORE INSERT ON feedback FOR EACH ROW EXECUTE FUNCTION swallow();`);
    const broken = run(["--data-dir", dir, "migrate", "--to", target.url]);
    expect(broken.status).toBe(1);
    const lines = tableLines(broken.stdout);
    expect(Number((await target.query<{ n: string }>("SELECT count(*) AS n FROM feedback"))[0]?.n)).toBe(lines.feedback?.rows);
    expect(lines.feedback?.verified).toBe((lines.feedback?.rows ?? 0) - 2);
    expect(broken.stdout).toMatch(/NOT verified: feedback\./);
    expect(broken.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^moodfood: .*did not verify: feedback \(2 of \d+ rows missing\)/),
    ]);
    await target.query("DROP TRIGGER swallow ON feedback");
  });

  it("never prints the password", () => {
    expect(password.length).toBeGreaterThan(0);
    for (const r of runs) expect(`${r.stdout}${r.stderr}`).not.toContain(password);
  });
});

/** The report's generation time is the one field two runs cannot share. */
const withoutGeneratedAt = (text: string) => text.replace(/"generated_at": "[^"]*"/g, "");
