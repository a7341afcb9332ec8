import type { Db } from "./open-store.js";
import type { MetricLabels } from "./rollup-queries.js";

/** One label set of a counter, summed over a range of hours. */
export interface CounterSum {
  labels: MetricLabels;
  value: number;
}

/** A histogram's buckets summed over a range of hours (per-bucket, not cumulative). */
export interface HistogramSum {
  count: number;
  sum: number;
  buckets: number[];
}

/** What one row of the dashboard's trace list shows: no spans, the query cut short. */
export interface RecentTraceRow {
  trace_id: string;
  started_at: number;
  status: string;
  query: string;
  final_decision: string | null;
  duration_ms: number | null;
}

export interface FeedbackWindowRow {
  sentiment: string;
  n: number;
  rated: number;
  rating_sum: number | null;
}

/** Longest query prefix a list row could show; the waterfall reads the whole trace. */
const QUERY_PREFIX = 160;

/**
 * The dashboard's reads: each one an index range over the hourly rollups or the newest rows, so a
 * refresh costs the same at a thousand traces as at a million (decision 0015).
 */
export function dashboardQueries(db: Db) {
  const counterSums = db.prepare(
    "SELECT labels, sum(value) AS value FROM counter_rollups WHERE name = ? AND hour >= ? AND hour <= ? GROUP BY labels",
  );
  const histogramRows = db.prepare(
    "SELECT count, sum, buckets FROM histogram_rollups WHERE name = ? AND hour >= ? AND hour <= ? AND json_extract(labels, '$.stage') = ?",
  );
  const latestHour = db.prepare("SELECT max(hour) AS hour FROM counter_rollups WHERE name = ? AND hour >= 0");
  const startsPerMinute = db.prepare(
    "SELECT CAST((started_at - @since) / 60000 AS INTEGER) AS minute, count(*) AS n FROM traces WHERE started_at >= @since AND started_at < @until GROUP BY minute",
  );
  const recent = db.prepare(
    `SELECT trace_id, started_at, status, substr(query, 1, ${QUERY_PREFIX}) AS query, final_decision, duration_ms
     FROM traces ORDER BY started_at DESC, id DESC LIMIT ?`,
  );
  const feedbackWindow = db.prepare(
    "SELECT sentiment, count(*) AS n, count(rating) AS rated, sum(rating) AS rating_sum FROM feedback WHERE created_at >= ? AND created_at < ? GROUP BY sentiment",
  );
  const activeModel = db.prepare("SELECT version FROM models WHERE active = 1 LIMIT 1");

  return {
    /** Each label set of counter `name` summed over hours fromHour..toHour (inclusive). */
    counterSums(name: string, fromHour: number, toHour: number): CounterSum[] {
      return (counterSums.all(name, fromHour, toHour) as { labels: string; value: number }[]).map((r) => ({
        labels: JSON.parse(r.labels) as MetricLabels,
        value: r.value,
      }));
    },
    /** Histogram `name` for one stage, every other label summed, over hours fromHour..toHour. */
    histogramSum(name: string, stage: string, fromHour: number, toHour: number): HistogramSum {
      const total: HistogramSum = { count: 0, sum: 0, buckets: [] };
      for (const row of histogramRows.all(name, fromHour, toHour, stage) as { count: number; sum: number; buckets: string }[]) {
        total.count += row.count;
        total.sum += row.sum;
        (JSON.parse(row.buckets) as number[]).forEach((n, i) => {
          total.buckets[i] = (total.buckets[i] ?? 0) + n;
        });
      }
      return total;
    },
    /** The newest hour holding counter `name`, or undefined when it was never counted. */
    latestHour(name: string): number | undefined {
      return (latestHour.get(name) as { hour: number | null }).hour ?? undefined;
    },
    /** Traces started per minute in [since, until): index only (traces_started_at). */
    startsPerMinute(since: number, until: number): { minute: number; n: number }[] {
      return startsPerMinute.all({ since, until }) as { minute: number; n: number }[];
    },
    /** The newest `limit` traces by start time, newest first. */
    recentTraces(limit: number): RecentTraceRow[] {
      return recent.all(limit) as RecentTraceRow[];
    },
    /** Feedback created in [since, until) per sentiment, with how many carried a rating and their sum. */
    feedbackWindow(since: number, until: number): FeedbackWindowRow[] {
      return feedbackWindow.all(since, until) as FeedbackWindowRow[];
    },
    /** The promoted model's version, or undefined while the shipped one is in use. */
    activeModelVersion(): string | undefined {
      return (activeModel.get() as { version: string } | undefined)?.version;
    },
  };
}
