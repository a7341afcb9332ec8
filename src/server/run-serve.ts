import type { Config } from "../config/settings.js";
import { createExposition } from "../metrics/exposition.js";
import { gaugeSources } from "../metrics/gauges.js";
import { openRuntime } from "../runtime/runtime.js";
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
  const store = openStore(config.dataDir, { readonly: true });
  try {
    const exposition = createExposition(store, { sources: gaugeSources(config) });
    const runQuery = deps.runQuery ?? runtimeQueryRunner(runtime);
    const write = <T>(fn: (s: typeof store) => T) => runtime.write(fn);
    const api = createApiServer({ store, exposition, runQuery, write, apiToken: config.apiToken, log: deps.log });
    const bound = await listen(api.server, options.host, options.port);
    const hostPart = bound.host.includes(":") ? `[${bound.host}]` : bound.host;
    const info = { ...bound, url: `http://${hostPart}:${bound.port}` };
    deps.onListening(info);
    const stoppedBy = await whenAborted(deps.signal);
    await api.close(deps.graceMs);
    return { ...info, stoppedBy };
  } finally {
    store.close();
    await runtime.close();
  }
}
