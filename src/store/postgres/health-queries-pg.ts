import type { HealthRecord, healthQueries, IntegrityRecord } from "../health-queries.js";
import type { Promised } from "../promised.js";
import type { Sql } from "./sql.js";

const HOUR_MS = 3_600_000;
const LATEST_KEY = "health.latest";
const INTEGRITY_KEY = "health.integrity";
const HISTORY_COLUMNS = "checked_at, status, score, source, checks";

/** What PostgreSQL's health needs from the store: the schema version its migrations reached. */
export interface HealthSchema {
  schemaVersion: () => Promise<{ found: number; expected: number }>;
}

/** `moodfood health` on PostgreSQL; rollup reads sum every instance's rows (health is the fleet's). */
export function healthQueriesPg(sql: Sql, schema: HealthSchema): Promised<ReturnType<typeof healthQueries>> {
  const setMeta = (key: string, value: string, at: number) =>
    sql.run(
      "INSERT INTO meta (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      [key, value, at],
    );
  const getMeta = async (key: string) => (await sql.one<{ value: string }>("SELECT value FROM meta WHERE key = $1", [key]))?.value;

  return {
    schemaVersion: () => schema.schemaVersion(),
    // The server keeps its own pages checksummed and has no quick_check; being able to answer a query is the honest check left.
    async quickCheck(): Promise<string[]> {
      await sql.one("SELECT 1");
      return ["ok"];
    },
    async counterByLabel(name: string, label: string, fromMs: number, toMs: number): Promise<Record<string, number>> {
      const rows = await sql.rows<{ labels: string; value: number }>(
        `SELECT labels, value FROM counter_rollups WHERE name = $1 AND hour >= $2 AND hour <= $3 ORDER BY hour, labels COLLATE "C", instance`,
        [name, Math.floor(fromMs / HOUR_MS), Math.floor(toMs / HOUR_MS)],
      );
      const totals: Record<string, number> = {};
      for (const row of rows) {
        const key = String((JSON.parse(row.labels) as Record<string, string>)[label] ?? "");
        totals[key] = (totals[key] ?? 0) + row.value;
      }
      return totals;
    },
    async feedbackSentiments(since: number, until: number): Promise<Record<string, number>> {
      const rows = await sql.rows<{ sentiment: string; n: number }>(
        `SELECT sentiment, count(*)::int AS n FROM feedback WHERE created_at >= $1 AND created_at < $2 GROUP BY sentiment ORDER BY sentiment COLLATE "C"`,
        [since, until],
      );
      return Object.fromEntries(rows.map((r) => [r.sentiment, r.n]));
    },
    // Ordered as SQLite walks its drift_alerts_open index: by type, then id.
    unresolvedAlerts: () =>
      sql.rows<{ type: string; severity: string; status: string }>(
        `SELECT type, severity, status FROM drift_alerts WHERE status != 'resolved' ORDER BY type COLLATE "C", id`,
      ),
    async record(record: HealthRecord, options: { append: boolean; keepSince?: number; integrity?: IntegrityRecord }): Promise<void> {
      await sql.transaction(async () => {
        await setMeta(LATEST_KEY, JSON.stringify(record), record.checked_at);
        if (options.integrity) await setMeta(INTEGRITY_KEY, JSON.stringify(options.integrity), options.integrity.checked_at);
        if (options.append) {
          await sql.run(`INSERT INTO health_checks (${HISTORY_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`, [
            record.checked_at,
            record.status,
            record.score,
            record.source,
            record.checks,
          ]);
        }
        if (options.keepSince !== undefined) await sql.run("DELETE FROM health_checks WHERE checked_at < $1", [options.keepSince]);
      });
    },
    async latest(): Promise<HealthRecord | undefined> {
      const value = await getMeta(LATEST_KEY);
      return value === undefined ? undefined : (JSON.parse(value) as HealthRecord);
    },
    async lastIntegrity(): Promise<IntegrityRecord | undefined> {
      const value = await getMeta(INTEGRITY_KEY);
      return value === undefined ? undefined : (JSON.parse(value) as IntegrityRecord);
    },
    lastRecorded: () => sql.one<HealthRecord>(`SELECT ${HISTORY_COLUMNS} FROM health_checks ORDER BY checked_at DESC, id DESC LIMIT 1`),
    between: (from: number, to: number) =>
      sql.rows<HealthRecord>(
        `SELECT ${HISTORY_COLUMNS} FROM health_checks WHERE checked_at >= $1 AND checked_at < $2 ORDER BY checked_at, id`,
        [from, to],
      ),
  };
}
