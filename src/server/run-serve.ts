import { join, resolve } from "node:path";
import type { Config } from "../config/settings.js";
import { computeHealth } from "../health/compute-health.js";
import { type HealthWatch, startHealthWatch } from "../health/health-watch.js";
import { createExposition } from "../metrics/exposition.js";
import { gaugeSources } from "../metrics/gauges.js";
import { openRuntime } from "../runtime/runtime.js";
import { STORE_FILE } from "../store/open-store.js";
import { openStore } from "../store/store.js";
import type { ApiDeps } from "./api-deps.js";
import { createApiServer } from "./create-server.js";
import { assertSafeBind, listen } from "./listen.js";
import { runtimeQueryRunner } from "./query-runner.js";
import { whenAborted } from "./stop-signals.js";

export interface ServeOptions {
  host: string;
  port: number;
  /** Allow a non-loopback host without MOODFOOD_API_TOKEN. */
  insecure: boolean;
}

export interface ServeDeps {
  config: Config;
  /** Aborting it stops the server gracefully (the CLI wires SIGINT/SIGTERM to it). */
  signal: AbortSignal;
  onListening(info: ServeInfo): void;
  log(line: string): void;
  /** Replaces the real pipeline (tests). */
  runQuery?: ApiDeps["runQuery"];
  /** How long in-flight requests may take to finish after a stop. */
  graceMs?: number;
  /** How often the health is recomputed and stored (default every minute; tests shorten it). */
  healthIntervalMs?: number;
}

export interface ServeInfo {
  url: string;
  host: string;
  port: number;
}

export interface ServeResult extends ServeInfo {
  stoppedBy: string;
}

/** `moodfood metrics serve`: the metrics endpoint and HTTP API until the signal fires. */
export async function runMetricsServe(options: ServeOptions, deps: ServeDeps): Promise<ServeResult> {
  const { config } = deps;
  assertSafeBind(options.host, config.apiToken, options.insecure);
  // Queries write through the runtime's own connection, which never blocks on a lock; routes read on a
  // read-only one, which never waits behind a writer (WAL): /livez and /metrics answer while a query waits.
  const runtime = await openRuntime(config, { traces: "yielding" });
  const store = await openStore(config, { readonly: true });
  let watch: HealthWatch | undefined;
  try {
    const exposition = createExposition(store, { sources: gaugeSources(config) });
    const runQuery = deps.runQuery ?? runtimeQueryRunner(runtime);
    // Checks read on the read-only connection; quick_check is not re-run here (it reads every page), its last result is shown.
    let servingPort = options.port;
    const health = () =>
      computeHealth({
        config,
        store,
        now: Date.now(),
        deep: false,
        integrity: "cached",
        metricsServer: { servingPort },
        reportsDir: resolve("reports"),
      });
    // On PostgreSQL there is no file to look at: /readyz's read of the store is the whole check.
    const storeFile = store.backend === "sqlite" ? join(config.dataDir, STORE_FILE) : undefined;
    const api = createApiServer({
      store,
      storeFile,
      exposition,
      runQuery,
      health,
      write: (fn) => runtime.write(fn),
      apiToken: config.apiToken,
      bindHost: options.host,
      log: deps.log,
    });
    const bound = await listen(api.server, options.host, options.port);
    servingPort = bound.port;
    const hostPart = bound.host.includes(":") ? `[${bound.host}]` : bound.host;
    const info = { ...bound, url: `http://${hostPart}:${bound.port}` };
    deps.onListening(info);
    // Records go through the runtime's connection (busy timeout 0, writeWhenFree): the event loop never waits on the lock.
    watch = startHealthWatch({ config, check: health, writer: runtime.store, log: deps.log, intervalMs: deps.healthIntervalMs });
    void watch.tick();
    const stoppedBy = await whenAborted(deps.signal);
    await api.close(deps.graceMs);
    return { ...info, stoppedBy };
  } finally {
    await watch?.stop();
    await store.close();
    await runtime.close();
  }
}
