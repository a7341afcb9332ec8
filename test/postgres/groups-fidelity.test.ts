import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { openDatabase } from "../../src/store/open-store.js";
import { dashboardQueriesPg } from "../../src/store/postgres/dashboard-queries-pg.js";
import { driftQueriesPg } from "../../src/store/postgres/drift-queries-pg.js";
import { feedbackQueriesPg } from "../../src/store/postgres/feedback-queries-pg.js";
import { healthQueriesPg } from "../../src/store/postgres/health-queries-pg.js";
import { interopQueriesPg } from "../../src/store/postgres/interop-queries-pg.js";
import { reportQueriesPg } from "../../src/store/postgres/report-queries-pg.js";
import type { Sql } from "../../src/store/postgres/sql.js";
import { type RollupIncrements, rollupQueries } from "../../src/store/rollup-queries.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { databaseUrl, scratchSchema } from "./groups-harness.js";
import { HOUR, seedAlerts, seedChecks, seedFeedback, seedHealth, seedIncrements, seedRuns, seedTraces, T0 } from "./groups-seed.js";

type Groups = Pick<Store, "feedback" | "drift" | "interop" | "health" | "dashboard" | "report">;

const H0 = T0 / HOUR;
const traces = seedTraces();
const feedback = seedFeedback(traces);
const checks = seedChecks();
const alerts = seedAlerts();
const health = seedHealth();

/** The same writes through either backend's groups; what each write answered, for comparison. */
async function seed(g: Groups): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const trace of traces) answers.push(await g.interop.insertTraceIfAbsent(trace));
  for (const trace of traces.slice(0, 3)) answers.push(await g.interop.insertTraceIfAbsent({ ...trace, query: "again" }));
  await g.interop.fillTraceQuery("tr-001", "filled", ["rice"]);
  for (const f of feedback.slice(0, 30)) await g.feedback.insert(f);
  for (const f of feedback.slice(26)) answers.push(await g.interop.insertFeedbackIfAbsent(f));
  for (const c of checks.slice(0, 6)) await g.drift.insertCheck(c);
  for (const c of checks) answers.push(await g.interop.insertDriftCheckIfAbsent(c));
  for (const a of alerts.slice(0, 7)) await g.drift.insertAlert(a);
  for (const a of alerts)
    answers.push(await g.interop.insertDriftAlertIfAbsent({ ...a, status: "open", acknowledged_at: null, resolved_at: null }));
  await g.drift.updateAlert("ab_0%x", "warning", 0.33, "{}", T0 + 5 * HOUR);
  answers.push(await g.drift.acknowledgeAlert("Ab_1%x", T0 + 2 * HOUR), await g.drift.acknowledgeAlert("Ab_1%x", T0 + 3 * HOUR));
  await g.drift.resolveAlert("ab_2%x", T0 + 4 * HOUR);
  await g.drift.resolveAlert("Ab_5%x", T0 + 9 * HOUR);
  for (const [i, record] of health.entries()) {
    const integrity = i === 2 ? { status: "pass" as const, output: "ok", checked_at: record.checked_at } : undefined;
    await g.health.record(record, { append: i !== 3, keepSince: i === 4 ? T0 + 1 : undefined, integrity });
  }
  return answers;
}

/** Rollup rows as SQLite writes them for one instance's increments, copied under that instance. */
async function copyRollups(sql: Sql, instance: string, items: RollupIncrements[]): Promise<void> {
  const db = openDatabase(":memory:");
  rollupQueries(db).applyMany(items);
  for (const r of db.prepare("SELECT name, labels, hour, value FROM counter_rollups").all() as Record<string, unknown>[]) {
    await sql.run("INSERT INTO counter_rollups (instance, name, labels, hour, value) VALUES ($1, $2, $3, $4, $5)", [
      instance,
      r.name,
      r.labels,
      r.hour,
      r.value,
    ]);
  }
  for (const r of db.prepare("SELECT * FROM histogram_rollups").all() as Record<string, unknown>[]) {
    await sql.run(
      `INSERT INTO histogram_rollups (instance, name, labels, hour, count, sum, buckets, exemplar_trace_id, exemplar_value, exemplar_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        instance,
        r.name,
        r.labels,
        r.hour,
        r.count,
        r.sum,
        JSON.parse(r.buckets as string),
        r.exemplar_trace_id,
        r.exemplar_value,
        r.exemplar_at,
      ],
    );
  }
  db.close();
}

describe.skipIf(!databaseUrl)(
  "PostgreSQL query groups answer as SQLite's (needs a PostgreSQL server or MOODFOOD_TEST_DATABASE_URL)",
  () => {
    let lite: Store;
    let pg: Groups;
    let drop: () => Promise<void>;
    let answers: { lite: unknown[]; pg: unknown[] };

    beforeAll(async () => {
      lite = openSqliteStore(":memory:");
      const scratch = await scratchSchema(databaseUrl as string);
      drop = scratch.drop;
      const { sql } = scratch;
      pg = {
        feedback: feedbackQueriesPg(sql),
        drift: driftQueriesPg(sql),
        interop: interopQueriesPg(sql),
        health: healthQueriesPg(sql, { schemaVersion: async () => ({ found: MIGRATIONS.length, expected: MIGRATIONS.length }) }),
        dashboard: dashboardQueriesPg(sql),
        report: reportQueriesPg(sql),
      };
      answers = { lite: await seed(lite), pg: await seed(pg) };

      for (const run of seedRuns()) {
        await lite.models.recordRetrain(run);
        const columns = Object.keys(run);
        await sql.run(
          `INSERT INTO retrain_runs (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
          Object.values(run),
        );
      }
      await lite.models.save("m9", "{}", Buffer.from([1]), T0);
      await lite.models.activate("m9");
      await sql.run("INSERT INTO models (version, header, weights, created_at, active) VALUES ('m9', '{}', '\\x01', $1, 1)", [T0]);

      // The fleet's rollups: SQLite holds all increments; PostgreSQL holds them split over two instances.
      const increments = seedIncrements();
      await lite.rollups.applyMany(increments);
      await copyRollups(
        sql,
        "a",
        increments.filter((_, i) => i % 3 !== 0),
      );
      await copyRollups(
        sql,
        "b",
        increments.filter((_, i) => i % 3 === 0),
      );
    });

    afterAll(async () => {
      await lite?.close();
      await drop?.();
    });

    // Row ids aside (no caller reads them): a PostgreSQL sequence skips the values ON CONFLICT DO NOTHING drew.
    const withoutIds = (value: unknown) => JSON.stringify(value, (key, v) => (key === "id" ? undefined : v));
    const same = async (read: (g: Groups) => Promise<unknown>) => {
      const expected = await read(lite);
      const actual = await read(pg);
      expect(withoutIds(actual)).toBe(withoutIds(expected));
      if (withoutIds(expected) === JSON.stringify(expected)) expect(actual).toStrictEqual(expected);
    };
    const collect = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
      const out: T[] = [];
      for await (const row of rows) out.push(row);
      return out;
    };
    const windows: [number, number][] = [
      [T0 - HOUR, T0 + 12 * HOUR],
      [T0 + 30 * 60_000, T0 + 3 * HOUR],
      [T0 + 20 * HOUR, T0 + 21 * HOUR],
    ];

    it("writes answer the same (inserted or not, acknowledged or not)", () => {
      expect(answers.pg).toStrictEqual(answers.lite);
      expect(answers.lite).toContain(false);
    });

    it("feedback reads", async () => {
      await same((g) => g.feedback.get("fb-004"));
      await same((g) => g.feedback.get("missing"));
      for (const trace of ["tr-000", "tr-013", "gone-8"]) await same((g) => g.feedback.forTrace(trace));
      for (const [since, until] of windows) {
        await same((g) => g.feedback.between(since, until));
        await same((g) => g.feedback.dayCounts(since, until));
        for (const model of [undefined, null, "m1", "zz"])
          await same((g) => g.feedback.windowCounts(since, (since + until) / 2, until, model));
      }
      for (const session of ["s1", "s2", "none"]) await same((g) => g.feedback.previousInSession(session, "tr-007", T0));
      await same((g) => g.feedback.hasSignal(feedback.find((f) => f.signal)?.trace_id ?? "", feedback.find((f) => f.signal)?.signal ?? ""));
      await same((g) => g.feedback.hasSignal("tr-000", "share"));
      await same((g) => g.feedback.bufferSource());
      await same((g) => g.feedback.countOrphans());
      await same((g) => g.feedback.count());
    });

    it("drift reads", async () => {
      for (const [start, end] of windows) {
        for (const model of ["m1", "M0", "none"]) {
          await same((g) => g.drift.samples(start, end, model));
          await same((g) => g.drift.countSamples(start, end, model));
          await same((g) => g.drift.feedbackCounts(start, end, model));
        }
      }
      await same((g) => g.drift.latestCheck());
      for (const type of ["psi", "feedback", "Label_shift", "none"]) await same((g) => g.drift.openAlert(type));
      for (const id of ["ab_0%x", "ab", "AB_", "ab\\", "a%", "zz"]) await same((g) => g.drift.findAlerts(id));
      for (const [all, limit] of [
        [true, 100],
        [false, 100],
        [true, 4],
        [false, 2],
      ] as const) {
        await same((g) => g.drift.listAlerts(all, limit));
      }
    });

    it("interop reads", async () => {
      await same(async (g) => collect(g.interop.iterateTraces()));
      await same(async (g) => collect(g.interop.iterateFeedback()));
      await same(async (g) => collect(g.interop.iterateDriftChecks()));
      await same(async (g) => collect(g.interop.iterateDriftAlerts()));
      await same((g) => g.interop.feedbackDays());
    });

    it("health reads", async () => {
      await same((g) => g.health.quickCheck());
      await same(async (g) => g.health.schemaVersion());
      for (const [from, to] of windows) {
        await same((g) => g.health.counterByLabel("moodfood_queries_total", "status", from, to));
        await same((g) => g.health.counterByLabel("moodfood_llm_api_calls_total", "missing", from, to));
        await same((g) => g.health.feedbackSentiments(from, to));
        await same((g) => g.health.between(from, to));
      }
      await same((g) => g.health.unresolvedAlerts());
      await same((g) => g.health.latest());
      await same((g) => g.health.lastIntegrity());
      await same((g) => g.health.lastRecorded());
    });

    it("dashboard reads, rollups summed over instances", async () => {
      for (const [from, to] of [
        [H0, H0 + 12],
        [H0 + 2, H0 + 4],
        [-1, -1],
        [H0 + 50, H0 + 60],
      ]) {
        await same((g) => g.dashboard.counterSums("moodfood_queries_total", from as number, to as number));
        await same((g) => g.dashboard.histogramSum("moodfood_query_processing_time_ms", "total", from as number, to as number));
        await same((g) => g.dashboard.histogramSum("moodfood_query_processing_time_ms", "parse", from as number, to as number));
      }
      await same((g) => g.dashboard.latestHour("moodfood_queries_total"));
      await same((g) => g.dashboard.latestHour("never"));
      for (const [since, until] of windows) {
        await same((g) => g.dashboard.startsPerMinute(since, until));
        await same((g) => g.dashboard.feedbackWindow(since, until));
      }
      await same((g) => g.dashboard.recentTraces(7));
      await same((g) => g.dashboard.activeModelVersion());
    });

    it("report reads, rollups summed over instances", async () => {
      for (const [from, to] of [
        [H0, H0 + 12],
        [H0 + 2, H0 + 4],
        [-1, 0],
      ]) {
        await same((g) => g.report.counterHours("moodfood_queries_total", from as number, to as number));
        await same((g) => g.report.histogramHours("moodfood_query_processing_time_ms", from as number, to as number));
      }
      for (const [since, until] of windows) {
        await same((g) => g.report.crossing(since, until, since + HOUR));
        await same((g) => g.report.labelSets(since, until, T0 + 2 * HOUR));
        await same((g) => g.report.feedback(since, until));
        await same((g) => g.report.negativeComments(since, until, 5));
        await same((g) => g.report.alerts(since, until));
        await same((g) => g.report.driftChecks(since, until));
        await same((g) => g.report.retrainRuns(since, until));
      }
      await same((g) => g.report.traceSpan());
    });

    it("deletes orphaned feedback alike", async () => {
      await same((g) => g.feedback.deleteOrphans());
      await same((g) => g.feedback.countOrphans());
      await same((g) => g.feedback.count());
    });
  },
);
