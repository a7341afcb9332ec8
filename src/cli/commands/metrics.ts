import type { Command } from "commander";
import { printResult } from "../output.js";
import { intInRange } from "../parsers.js";
import { withStoreForReading } from "../with-store.js";
import type { ContextFactory } from "./index.js";

interface ServeFlags {
  port?: number;
  host: string;
  insecure?: boolean;
}

// prom-client and the HTTP server are imported inside the actions: `moodfood query` never loads them.
export function registerMetrics(program: Command, context: ContextFactory): void {
  const metrics = program
    .command("metrics")
    .description("Prometheus metrics and the HTTP API")
    .addHelpText("after", "\nExamples:\n  $ moodfood metrics serve\n  $ moodfood metrics show --openmetrics\n");

  metrics
    .command("serve")
    .description("serve /metrics and the HTTP API until Ctrl-C (SIGINT/SIGTERM finish in-flight requests, then exit 0)")
    .option("--port <n>", "port to listen on (env PROMETHEUS_PORT, default 9189; 0 picks a free port)", intInRange(0, 65535))
    .option("--host <addr>", "address to bind; a non-loopback one needs MOODFOOD_API_TOKEN or --insecure", "127.0.0.1")
    .option("--insecure", "allow a non-loopback --host without MOODFOOD_API_TOKEN")
    .addHelpText(
      "after",
      "\nExamples:\n  $ moodfood metrics serve\n  $ MOODFOOD_API_TOKEN=s3cret moodfood metrics serve --host 0.0.0.0 --port 9200\n  $ curl -s localhost:9189/metrics\n",
    )
    .action(async (flags: ServeFlags, command: Command) => {
      const ctx = context(command);
      const [{ runMetricsServe }, { abortOnSignals }] = await Promise.all([
        import("../../server/run-serve.js"),
        import("../../server/stop-signals.js"),
      ]);
      const stop = abortOnSignals();
      try {
        const result = await runMetricsServe(
          { host: flags.host, port: flags.port ?? ctx.config.prometheusPort, insecure: flags.insecure === true },
          {
            config: ctx.config,
            signal: stop.signal,
            log: (line) => ctx.stderr(`${line}\n`),
            onListening: (info) =>
              ctx.stdout(
                ctx.json
                  ? `${JSON.stringify(info)}\n`
                  : `Serving metrics and the API on ${info.url} (GET /metrics, POST /query); Ctrl-C to stop.\n`,
              ),
          },
        );
        if (!ctx.json) ctx.stdout(`Stopped on ${result.stoppedBy}.\n`);
      } finally {
        stop.dispose();
      }
    });

  metrics
    .command("show")
    .description("print the metrics exposition once, without a server (--json: the stored values as JSON)")
    .option("--openmetrics", "OpenMetrics format (with trace_id exemplars) instead of the Prometheus text format")
    .option("--json", "print the stored values as one JSON object")
    .addHelpText("after", "\nExamples:\n  $ moodfood metrics show | promtool check metrics\n  $ moodfood metrics show --json\n")
    .action(async (flags: { openmetrics?: boolean }, command: Command) => {
      const ctx = context(command);
      const { runMetricsShow } = await import("../../metrics/show.js");
      const format = ctx.json ? "json" : flags.openmetrics ? "openmetrics" : "text";
      const result = await withStoreForReading(ctx, (store) => runMetricsShow({ format }, { config: ctx.config, store }));
      if (result.kind === "raw") printResult(ctx, result.raw, () => "");
      else ctx.stdout(result.body);
    });
}
