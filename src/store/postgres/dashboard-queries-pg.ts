import type { CounterSum, dashboardQueries, FeedbackWindowRow, HistogramSum, RecentTraceRow } from "../dashboard-queries.js";
import type { Promised } from "../promised.js";
import type { MetricLabels } from "../rollup-queries.js";
import type { Sql } from "./sql.js";

/** Longest query prefix a list row could show; the waterfall reads the whole trace. */
const QUERY_PREFIX = 160;

/** The dashboard's reads on PostgreSQL: rollups summed over every instance, so the dashboard shows the fleet. */
export function dashboardQueriesPg(sql: Sql): Promised<ReturnType<typeof dashboardQueries>> {
  return {
    async counterSums(name: string, fromHour: number, toHour: number): Promise<CounterSum[]> {
      const rows = await sql.rows<{ labels: string; value: number }>(
        `SELECT labels, sum(value) AS value FROM counter_rollups WHERE name = $1 AND hour >= $2 AND hour <= $3
         GROUP BY labels ORDER BY labels COLLATE "C"`,
        [name, fromHour, toHour],
      );
      return rows.map((r) => ({ labels: JSON.parse(r.labels) as MetricLabels, value: r.value }));
    },
    async histogramSum(name: string, stage: string, fromHour: number, toHour: number): Promise<HistogramSum> {
      const rows = await sql.rows<{ count: number; sum: number; buckets: (number | string)[] }>(
        `SELECT count, sum, buckets FROM histogram_rollups WHERE name = $1 AND hour >= $2 AND hour <= $3 AND labels::jsonb ->> 'stage' = $4
         ORDER BY hour, labels COLLATE "C", instance`,
        [name, fromHour, toHour, stage],
      );
      const total: HistogramSum = { count: 0, sum: 0, buckets: [] };
      for (const row of rows) {
        total.count += row.count;
        total.sum += row.sum;
        row.buckets.forEach((n, i) => {
          total.buckets[i] = (total.buckets[i] ?? 0) + Number(n);
        });
      }
      return total;
    },
    async latestHour(name: string): Promise<number | undefined> {
      const row = await sql.one<{ hour: number | null }>("SELECT max(hour) AS hour FROM counter_rollups WHERE name = $1 AND hour >= 0", [
        name,
      ]);
      return row?.hour ?? undefined;
    },
    startsPerMinute: (since: number, until: number) =>
      sql.rows<{ minute: number; n: number }>(
        `SELECT ((started_at - $1) / 60000)::int AS minute, count(*)::int AS n FROM traces WHERE started_at >= $1 AND started_at < $2
         GROUP BY minute ORDER BY minute`,
        [since, until],
      ),
    recentTraces: (limit: number) =>
      sql.rows<RecentTraceRow>(
        `SELECT trace_id, started_at, status, substr(query, 1, ${QUERY_PREFIX}) AS query, final_decision, duration_ms
         FROM traces ORDER BY started_at DESC, id DESC LIMIT $1`,
        [limit],
      ),
    feedbackWindow: (since: number, until: number) =>
      sql.rows<FeedbackWindowRow>(
        `SELECT sentiment, count(*)::int AS n, count(rating)::int AS rated, sum(rating) AS rating_sum FROM feedback
         WHERE created_at >= $1 AND created_at < $2 GROUP BY sentiment ORDER BY sentiment COLLATE "C"`,
        [since, until],
      ),
    async activeModelVersion(): Promise<string | undefined> {
      return (await sql.one<{ version: string }>("SELECT version FROM models WHERE active = 1 LIMIT 1"))?.version;
    },
  };
}
