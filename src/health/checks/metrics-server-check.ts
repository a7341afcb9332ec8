import { connect } from "node:net";
import type { CheckResult, HealthInputs } from "../types.js";

const PROBE_TIMEOUT_MS = 500;

type Probe = { kind: "moodfood" } | { kind: "refused" } | { kind: "other"; detail: string } | { kind: "silent" };

/**
 * metrics_server: does the configured port answer GET /livez like moodfood? Not running is a pass with a
 * note (a CLI-only user needs no server). A raw socket, not node:http: the check stays cheap to load.
 */
export async function metricsServerCheck(inputs: HealthInputs, host = "127.0.0.1"): Promise<CheckResult> {
  const port = inputs.config.prometheusPort;
  const base = { component: "metrics_server", measurement: "reachable", observed_unit: undefined } as const;
  if (inputs.metricsServer !== "probe") {
    const serving = inputs.metricsServer.servingPort;
    return { ...base, status: "pass", observed_value: serving, output: `this process serves on port ${serving}` };
  }
  if (port === 0)
    return { ...base, status: "pass", observed_value: null, output: "PROMETHEUS_PORT is 0 (a free port each start): nothing to probe" };
  const probe = await probeLivez(host, port);
  switch (probe.kind) {
    case "moodfood":
      return { ...base, status: "pass", observed_value: true, output: `moodfood metrics serve answers on ${host}:${port}` };
    case "refused":
      return {
        ...base,
        status: "pass",
        observed_value: false,
        output: `not running on ${host}:${port} (needed only for Prometheus and the HTTP API)`,
      };
    case "other":
      return {
        ...base,
        status: "warn",
        observed_value: false,
        output: `${host}:${port} answers but not as moodfood (${probe.detail}); Prometheus scrapes the wrong thing`,
      };
    case "silent":
      return {
        ...base,
        status: "warn",
        observed_value: false,
        output: `${host}:${port} accepts connections but did not answer /livez within ${PROBE_TIMEOUT_MS} ms`,
      };
  }
}

function probeLivez(host: string, port: number): Promise<Probe> {
  return new Promise((resolve) => {
    let reply = "";
    const socket = connect({ host, port });
    const done = (probe: Probe) => {
      socket.destroy();
      resolve(probe);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done({ kind: "silent" }));
    socket.on("connect", () => socket.write(`GET /livez HTTP/1.1\r\nHost: ${host}:${port}\r\nConnection: close\r\n\r\n`));
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString("latin1");
      if (reply.length > 4096 || /\r\n\r\n[\s\S]*\}/.test(reply)) finish();
    });
    socket.on("end", finish);
    socket.on("error", (error: NodeJS.ErrnoException) =>
      done(error.code === "ECONNREFUSED" ? { kind: "refused" } : { kind: "other", detail: error.code ?? "error" }),
    );
    function finish() {
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1];
      if (status === "200" && /"status"\s*:\s*"ok"/.test(reply)) done({ kind: "moodfood" });
      else done({ kind: "other", detail: status ? `HTTP ${status} on /livez` : "not HTTP" });
    }
  });
}
