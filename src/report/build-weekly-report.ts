import type { Store } from "../store/store.js";
import { type WeekPeriod, weekPeriod } from "./iso-week.js";
import { readWeekFacts } from "./read/week-facts.js";
import { recommend } from "./recommendations.js";
import { latencySection, llmSection } from "./sections/operations.js";
import { driftSection, feedbackSection, healthSection, retrainingSection } from "./sections/outcomes.js";
import { queriesSection } from "./sections/queries.js";
import { offsetAt } from "./time-zone.js";
import type { WeeklyReport } from "./weekly-report.js";

const HOUR_MS = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface BuildOptions {
  /** Civil day of the week's Monday (iso-week.ts). */
  monday: number;
  timeZone: string;
  now: number;
  /** TRACE_CLEANUP_HOURS: active traces older than this count as abandoned. */
  traceCleanupHours: number;
}

/** How the hourly rollups map onto the zone's days; exact when every day boundary falls on a clock hour. */
function attribution(period: WeekPeriod, previous: WeekPeriod): string {
  const aligned = [...previous.bounds, ...period.bounds].every((b) => b % HOUR_MS === 0);
  if (aligned) return "Days start on a clock hour in this zone, so each day's hourly rollups are exactly its own.";
  const minutes = Math.abs(offsetAt(period.start, period.timeZone) / 60_000) % 60;
  return `Days in ${period.timeZone} start ${minutes} minutes into a UTC hour. Query counts, errors and decisions are exact (queries that started before a day boundary but are counted in the hour after it are read from the traces and moved back); latency, LLM calls and their per-day figures count the hour holding a day's first instant toward that day.`;
}

/** The weekly report of one ISO week with week-over-week change, from one read snapshot of the store. */
export function buildWeeklyReport(store: Store, options: BuildOptions): Promise<WeeklyReport> {
  const period = weekPeriod(options.monday, options.timeZone);
  const previous = weekPeriod(options.monday - 7, options.timeZone);
  const abandonedBefore = options.now - options.traceCleanupHours * HOUR_MS;
  return store.snapshot(async () => {
    const now = await readWeekFacts(store, period, abandonedBefore);
    const before = await readWeekFacts(store, previous, abandonedBefore);
    const span = await store.report.traceSpan();
    const facts: Omit<WeeklyReport, "recommendations"> = {
      week: period.week,
      period: { start: iso(period.start), end: iso(period.end), time_zone: period.timeZone, days: period.dates },
      previous_week: {
        week: previous.week,
        start: iso(previous.start),
        end: iso(previous.end),
        partial: span.first !== null && span.first > previous.start && span.first < previous.end,
      },
      generated_at: iso(options.now),
      empty: false,
      stored_traces: { first: span.first === null ? null : iso(span.first), last: span.last === null ? null : iso(span.last) },
      attribution: attribution(period, previous),
      queries: queriesSection(now, before),
      latency: latencySection(now, before),
      llm: llmSection(now, before),
      drift: driftSection(now, before),
      feedback: feedbackSection(now, before),
      retraining: retrainingSection(now, before),
      health: healthSection(now, before),
    };
    facts.empty = facts.queries.total === 0;
    return { ...facts, recommendations: recommend(facts) };
  });
}
