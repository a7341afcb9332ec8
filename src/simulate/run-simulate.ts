import { performance } from "node:perf_hooks";
import { UserError } from "../errors.js";
import { type CommentScorer, loadCommentScorer } from "../feedback/comment-score.js";
import { storeFeedback } from "../feedback/record-feedback.js";
import type { PipelineDeps, QueryAnswer, QueryInput } from "../pipeline/pipeline.js";
import { CIRCUIT_OPENINGS, withCircuitBreaker } from "../pipeline/providers/circuit-breaker.js";
import type { FeedbackRecord } from "../records/feedback.js";
import type { TraceRecord } from "../records/trace.js";
import { batchedStoreSink } from "../runtime/store-sink.js";
import { openStore, type Store } from "../store/store.js";
import type { TraceSink } from "../tracing/tracer.js";
import { planDay } from "./day-plan.js";
import { eraOfDay } from "./drift-shift.js";
import { failingProvider } from "./failing-provider.js";
import { createRng } from "./prng.js";
import { checkSimulateOptions, type SimulateOptions } from "./simulate-options.js";
import { simulateFeedback } from "./simulated-feedback.js";
import { type SimulateSummary, summarise } from "./simulation-summary.js";
import { type DayTally, newDayTally, tallyFeedback, tallyTrace } from "./simulation-tally.js";

export type { SimulateOptions, SimulateSummary };

const DAY_MS = 86_400_000;

export interface SimulateDeps {
  store: Store;
  /** The real pipeline's stages; the simulation brings its own sink, clock and failing provider. */
  pipeline: Omit<PipelineDeps, "sink" | "now">;
  runQuery: (input: QueryInput, deps: PipelineDeps) => Promise<QueryAnswer>;
  /** Wall clock (epoch ms): the simulated history ends here, so its last day is the last 24 hours. */
  now: number;
  onProgress?: (done: number, total: number) => void;
  commentScorer?: () => Promise<CommentScorer>;
  /** Where traces go: the runtime's batched sink (store plus exporters); by default a batched store sink. */
  traces?: BatchedSink;
}

type BatchedSink = TraceSink & { flush(): Promise<void> };

/** Replays `days` 24-hour days ending now through the real pipeline, traced and with feedback. */
export async function runSimulate(options: SimulateOptions, deps: SimulateDeps): Promise<SimulateSummary> {
  checkSimulateOptions(options);
  const { from, to } = simulatedRange(options.days, deps.now);
  const interrupted = ((await deps.store.meta.get(RUNNING_KEY))?.value as RunMarker | undefined) ?? null;
  if (!options.append) await refuseIfOccupied(deps.store, from, to, interrupted);
  // Marked while it runs: a simulate killed part-way leaves this behind, and the next one says so.
  await deps.store.transaction(() => deps.store.meta.set(RUNNING_KEY, { from, to, started_at: deps.now } satisfies RunMarker, deps.now));
  const started = performance.now();
  const scoreComment = await (deps.commentScorer ?? loadCommentScorer)();
  // The real circuit breaker runs on the simulated clock with its state in a scratch store, so
  // replayed past days never leave the data dir's shared, real-time breaker half-open.
  const breakerState = await openStore(":memory:");
  try {
    const tallies = await replayDays(options, deps, { firstDay: from, scoreComment, breakerState });
    await deps.store.transaction(async () => {
      await copyCircuitOpenings(breakerState, deps.store, from, to);
      await deps.store.meta.delete(RUNNING_KEY);
    });
    return {
      ...summarise(options, tallies, from, performance.now() - started),
      interrupted_earlier: interrupted && describeMarker(interrupted),
    };
  } finally {
    await breakerState.close();
  }
}

/** The scratch breaker counted its openings on the simulated clock; the store's history gets them, hour by hour. */
async function copyCircuitOpenings(scratch: Store, store: Store, from: number, to: number): Promise<void> {
  const hour = 3_600_000;
  for (const row of await scratch.report.counterHours(CIRCUIT_OPENINGS, Math.floor(from / hour), Math.ceil(to / hour) + 1))
    await store.rollups.apply([{ name: CIRCUIT_OPENINGS, labels: row.labels, value: row.value }], [], row.hour * hour);
}

/** [from, to): `days` × 24 h ending at `now` (whole seconds, so the range prints cleanly). */
export function simulatedRange(days: number, now: number): { from: number; to: number } {
  const to = Math.floor(now / 1000) * 1000;
  return { from: to - days * DAY_MS, to };
}

// Mixing simulated history into real (or earlier simulated) traffic would silently double the counts.
async function refuseIfOccupied(store: Store, from: number, to: number, interrupted: RunMarker | null): Promise<void> {
  const [newest] = await store.traces.list({ since: from, until: to + 1, limit: 1 });
  if (newest) {
    const earlier = interrupted ? ` (${describeMarker(interrupted)})` : "";
    throw new UserError(
      "history_exists",
      `The store already holds traces between ${formatRangeEnd(from)} and ${formatRangeEnd(to)}${earlier}; use another --data-dir, or add --append to mix simulated history into them.`,
    );
  }
}

const RUNNING_KEY = "simulate.running";

/** What a running simulate leaves in the store until it finishes. */
interface RunMarker {
  from: number;
  to: number;
  started_at: number;
}

const describeMarker = (m: RunMarker) =>
  `an earlier simulate of ${formatRangeEnd(m.from)}..${formatRangeEnd(m.to)}, started ${formatRangeEnd(m.started_at)}, was interrupted: its history is partial`;

// The same format as every human timestamp (src/cli/render/timestamp.ts): ISO to the second.
const formatRangeEnd = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

interface ReplayContext {
  firstDay: number;
  scoreComment: CommentScorer;
  breakerState: Store;
}

async function replayDays(
  options: SimulateOptions,
  deps: SimulateDeps,
  { firstDay, scoreComment, breakerState }: ReplayContext,
): Promise<DayTally[]> {
  const { store } = deps;
  const batchSize = options.batchSize ?? 500;
  const root = createRng(options.seed);
  const feedbackRng = root.fork("feedback");
  let clock = firstDay;
  let tally = newDayTally(1, firstDay, "stationary");
  let lastTrace: TraceRecord | null = null;
  const batched = deps.traces ?? batchedStoreSink(store, batchSize);
  const failing = failingProvider(deps.pipeline.provider, options.llmFailureRate, root.fork("llm"));
  const pipeline: PipelineDeps = {
    ...deps.pipeline,
    provider: withCircuitBreaker(failing, breakerState, () => clock),
    now: () => clock,
    sink: {
      started: () => {},
      // Counted once written: a failed write leaves lastTrace null, which stops the replay below.
      ended: async (trace) => {
        await batched.ended(trace);
        tallyTrace(tally, trace);
        lastTrace = trace;
      },
    },
  };

  let feedback: FeedbackRecord[] = [];
  const flush = async () => {
    await batched.flush(); // traces first: feedback rows refer to them
    await storeFeedback(store, feedback);
    feedback = [];
  };

  const tallies: DayTally[] = [];
  const total = options.days * options.perDay;
  let done = 0;
  for (let day = 1; day <= options.days; day++) {
    const start = firstDay + (day - 1) * DAY_MS;
    const era = eraOfDay(day, options.driftDay);
    tally = newDayTally(day, start, era);
    tallies.push(tally);
    for (const query of planDay({ day, start, count: options.perDay, era }, root.fork(`day-${day}`))) {
      clock = query.at;
      lastTrace = null;
      try {
        await deps.runQuery({ text: query.text, userId: query.userId, sessionId: query.sessionId }, pipeline);
      } catch (error) {
        if (lastTrace === null) throw error; // not a failed query (its trace is stored) but a failed write: stop
      }
      const trace = lastTrace as TraceRecord | null;
      if (trace === null) throw new Error("runQuery returned without ending its trace");
      const seen = { trace, labels: trace.labels, decision: trace.status === "ok" ? trace.final_decision : null };
      const record = simulateFeedback(query, seen, { rate: options.feedbackRate, now: deps.now, scoreComment }, feedbackRng);
      if (record) {
        feedback.push(record);
        tallyFeedback(tally.feedback, record);
        if (feedback.length >= batchSize) await flush();
      }
      deps.onProgress?.(++done, total);
    }
  }
  await flush();
  return tallies;
}
