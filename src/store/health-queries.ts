import { MIGRATIONS } from "./migrations.js";
import type { Db } from "./open-store.js";

/** One computed health, as kept in the store (checks as the IETF `checks` object, JSON). */
export interface HealthRecord {
  checked_at: number;
  status: "healthy" | "degraded" | "unhealthy";
  score: number;
  /** Who computed it: "cli" (moodfood health) or "serve" (the metrics server's minute timer). */
  source: string;
  /** JSON of the health+json `checks` object. */
  checks: string;
}

const HOUR_MS = 3_600_000;
const LATEST_KEY = "health.latest";
const INTEGRITY_KEY = "health.integrity";

/** The last quick_check actually run (by moodfood health): the server shows it rather than re-reading every page. */
export interface IntegrityRecord {
  status: "pass" | "fail";
  output: string;
  checked_at: number;
}

/** Statements behind `moodfood health`: integrity, schema, hourly error counts, recent feedback, health history. */
export function healthQueries(db: Db) {
  const insert = db.prepare(
    "INSERT INTO health_checks (checked_at, status, score, source, checks) VALUES (@checked_at, @status, @score, @source, @checks)",
  );
  const prune = db.prepare("DELETE FROM health_checks WHERE checked_at < ?");
  const newestRow = db.prepare(
    "SELECT checked_at, status, score, source, checks FROM health_checks ORDER BY checked_at DESC, id DESC LIMIT 1",
  );
  const between = db.prepare(
    "SELECT checked_at, status, score, source, checks FROM health_checks WHERE checked_at >= ? AND checked_at < ? ORDER BY checked_at, id",
  );
  const getLatest = db.prepare("SELECT value FROM meta WHERE key = ?");
  const setLatest = db.prepare("INSERT OR REPLACE INTO meta (key, value, updated_at) VALUES (?, ?, ?)");
  // The hourly rows of one counter: the key starts with (name, hour), so this reads only those rows.
  const counterHours = db.prepare("SELECT labels, value FROM counter_rollups WHERE name = ? AND hour >= ? AND hour <= ?");
  const sentiments = db.prepare(
    "SELECT sentiment, count(*) AS n FROM feedback WHERE created_at >= ? AND created_at < ? GROUP BY sentiment",
  );
  const unresolvedAlerts = db.prepare("SELECT type, severity, status FROM drift_alerts WHERE status != 'resolved'");

  return {
    /** user_version of the file, and the version this build writes. */
    schemaVersion(): { found: number; expected: number } {
      return { found: db.pragma("user_version", { simple: true }) as number, expected: MIGRATIONS.length };
    },
    /** SQLite's quick_check: "ok", or its first complaints. Reads every page: seconds on a large store. */
    quickCheck(): string[] {
      return (db.pragma("quick_check(5)") as { quick_check: string }[]).map((r) => r.quick_check);
    },
    /** Sums a counter's hourly rollups for the clock hours from `fromMs` to `toMs`, grouped by one label. */
    counterByLabel(name: string, label: string, fromMs: number, toMs: number): Record<string, number> {
      const rows = counterHours.all(name, Math.floor(fromMs / HOUR_MS), Math.floor(toMs / HOUR_MS)) as { labels: string; value: number }[];
      const totals: Record<string, number> = {};
      for (const row of rows) {
        const key = String((JSON.parse(row.labels) as Record<string, string>)[label] ?? "");
        totals[key] = (totals[key] ?? 0) + row.value;
      }
      return totals;
    },
    /** Feedback counts by sentiment created in [since, until). */
    feedbackSentiments(since: number, until: number): Record<string, number> {
      const rows = sentiments.all(since, until) as { sentiment: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.sentiment, r.n]));
    },
    /** Drift alerts not yet resolved (open or acknowledged). */
    unresolvedAlerts(): { type: string; severity: string; status: string }[] {
      return unresolvedAlerts.all() as { type: string; severity: string; status: string }[];
    },
    /**
     * Keeps `record` as the latest health; appends it to the history when `append` (the caller appends on a
     * status change and every few minutes, so the history stays small) and drops history older than `keepSince`.
     */
    record(record: HealthRecord, options: { append: boolean; keepSince?: number; integrity?: IntegrityRecord }): void {
      db.transaction(() => {
        setLatest.run(LATEST_KEY, JSON.stringify(record), record.checked_at);
        if (options.integrity) setLatest.run(INTEGRITY_KEY, JSON.stringify(options.integrity), options.integrity.checked_at);
        if (options.append) insert.run(record);
        if (options.keepSince !== undefined) prune.run(options.keepSince);
      }).immediate();
    },
    /** The last computed health, or undefined before the first. */
    latest(): HealthRecord | undefined {
      const row = getLatest.get(LATEST_KEY) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as HealthRecord) : undefined;
    },
    /** The last quick_check run by moodfood health, or undefined. */
    lastIntegrity(): IntegrityRecord | undefined {
      const row = getLatest.get(INTEGRITY_KEY) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as IntegrityRecord) : undefined;
    },
    /** The newest row of the history (appended on a change of status or every few minutes). */
    lastRecorded(): HealthRecord | undefined {
      return newestRow.get() as HealthRecord | undefined;
    },
    /** History rows in [from, to), oldest first. */
    between(from: number, to: number): HealthRecord[] {
      return between.all(from, to) as HealthRecord[];
    },
  };
}
