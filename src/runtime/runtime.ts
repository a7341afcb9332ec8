import type { Config } from "../config/settings.js";
import { loadCatalog } from "../pipeline/catalog.js";
import { loadActiveClassifier } from "../pipeline/classifier/active.js";
import { type PipelineDeps, type QueryAnswer, type QueryInput, runQuery } from "../pipeline/pipeline.js";
import { createProvider } from "../pipeline/providers/create-provider.js";
import type { LlmProvider } from "../pipeline/types.js";
import { openStore, type Store } from "../store/store.js";
import type { TraceExporter } from "../tracing/exporter.js";
import { runMaintenance } from "../tracing/maintenance.js";
import type { TraceSink } from "../tracing/tracer.js";
import { abRouter } from "./ab-split.js";
import { configuredExporters, flushExporters } from "./exporters.js";
import { queryRedactor, redactingSink } from "./redaction.js";
import { batchedStoreSink, discardingSink, storeSink, yieldingStoreSink } from "./store-sink.js";

/**
 * How finished traces reach the store:
 * - `store`: written as they happen (CLI query, demo);
 * - `yielding`: the same, but never blocking the event loop on another process's lock (the server);
 * - `batched`: many traces a transaction (simulate);
 * - `none`: nowhere (eval, quality tests).
 */
export type TraceDelivery = "store" | "yielding" | "batched" | "none";

export interface RuntimeOptions {
  traces: TraceDelivery;
  /** An already open store (tests use ":memory:"); otherwise the data dir's store is opened here and closed by close(). */
  store?: Store;
  env?: NodeJS.ProcessEnv;
  /** Replaces the configured LLM provider (simulate replays through the offline one). */
  provider?: LlmProvider;
  batchSize?: number;
}

/** Everything a query needs, built once from the config: store, trace sinks, LLM provider with its breaker, model. */
export interface Runtime {
  readonly config: Config;
  readonly store: Store;
  /** The pipeline's parts; built on first use, so a server that only serves /metrics never loads the model. */
  pipeline(): Promise<PipelineDeps>;
  /**
   * Runs one query through the pipeline, traced to every configured sink, then the hourly upkeep. The one place
   * that decides which model answers (the active one, or the A/B candidate for MOODFOOD_AB_SPLIT of queries) and
   * that records a `re_query` on the session's previous trace (MOODFOOD_REQUERY_WINDOW).
   */
  query(input: QueryInput): Promise<QueryAnswer>;
  /** A write on the runtime's store: never blocking the event loop on the lock with `yielding` traces. */
  write<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /** Stores batched traces and waits for in-flight exports (OTLP). */
  flush(): Promise<void>;
  /** flush(), then closes the store if the runtime opened it. */
  close(): Promise<void>;
}

/** Upkeep runs at most hourly (the store keeps the marker); between checks a process does not even read it. */
const UPKEEP_CHECK_MS = 60_000;

/** The one composition root: `query`, `POST /query`, `simulate`, `eval` and the quality tests all start here. */
export async function openRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  // Before opening the store: an invalid OTEL_* value is a usage error and leaves nothing behind.
  const exporters = options.traces === "none" ? [] : await configuredExporters(config, options.env);
  const ownsStore = options.store === undefined;
  const store = options.store ?? (await openStore(config, options.traces === "yielding" ? { busyTimeoutMs: 0 } : {}));
  const stored = traceSink(options, store, exporters);
  // Under MOODFOOD_REDACT_QUERIES every sink (store, TRACE_LOG_FILE, OTLP) gets the keyed hash, never the text.
  const sink = config.redactQueries && options.traces !== "none" ? redactingSink(stored, queryRedactor(config)) : stored;
  let deps: Promise<PipelineDeps> | undefined;
  let lastUpkeepCheck = Number.NEGATIVE_INFINITY;

  const loadPipeline = async (): Promise<PipelineDeps> => ({
    provider: options.provider ?? createProvider(config, store),
    classifier: await loadActiveClassifier(store),
    catalog: loadCatalog(),
    sink,
    mlThreshold: config.mlThreshold,
    llmTimeoutMs: config.llmTimeoutMs,
  });
  // Concurrent first queries share one load; a failed load is retried by the next query.
  const pipeline = (): Promise<PipelineDeps> => {
    deps ??= loadPipeline().catch((error: unknown) => {
      deps = undefined;
      throw error;
    });
    return deps;
  };

  const route = abRouter(store, config.abSplit);
  const seesSessions = (options.traces === "store" || options.traces === "yielding") && config.reQueryWindowS > 0;

  const reQuery = async (traceId: string, sessionId: string): Promise<void> => {
    const { recordReQuery } = await import("../feedback/re-query.js");
    const record = () => recordReQuery(store, { traceId, sessionId }, Date.now(), config.reQueryWindowS * 1000);
    // Feedback is a side effect: losing one re_query to a locked store must never cost the answer.
    await (options.traces === "yielding" ? store.writeWhenFree(record) : record()).catch(() => {});
  };

  const upkeep = async (): Promise<void> => {
    const now = Date.now();
    if (options.traces === "none" || options.traces === "batched" || now - lastUpkeepCheck < UPKEEP_CHECK_MS) return;
    lastUpkeepCheck = now;
    const run = () => runMaintenance(store, { now, traceCleanupHours: config.traceCleanupHours, retentionDays: config.retentionDays });
    if (options.traces === "yielding")
      await store.writeWhenFree(run).catch(() => {}); // retried at the next check
    else await run();
  };

  const flush = async (): Promise<void> => {
    if ("flush" in sink) await (sink as { flush(): Promise<void> }).flush();
    await flushExporters(exporters);
  };

  return {
    config,
    store,
    pipeline,
    async query(input) {
      const deps = await pipeline();
      const classifier = await route(deps.classifier, input.userId);
      const answer = await runQuery(input, classifier === deps.classifier ? deps : { ...deps, classifier });
      if (seesSessions && input.sessionId) await reQuery(answer.trace_id, input.sessionId);
      await upkeep();
      return answer;
    },
    async write(fn) {
      if (options.traces === "yielding") return store.writeWhenFree(() => fn(store));
      return fn(store);
    },
    flush,
    async close() {
      try {
        await flush();
      } finally {
        if (ownsStore) await store.close();
      }
    },
  };
}

function traceSink(options: RuntimeOptions, store: Store, exporters: TraceExporter[]): TraceSink {
  switch (options.traces) {
    case "store":
      return storeSink(store, exporters);
    case "yielding":
      return yieldingStoreSink(store, exporters);
    case "batched":
      return batchedStoreSink(store, options.batchSize, exporters);
    case "none":
      return discardingSink;
  }
}
