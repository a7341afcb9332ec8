import { spawnSync } from "node:child_process";
import { findInitdb } from "../../scripts/lib/private-postgres.mjs";

// Outside services some tests need. A machine may lack any of them: the test then skips and
// says so in one line; .ci/run installs the Debian packages named here when they are missing.
export type Service = "promtool" | "prometheus" | "prometheus_client" | "scipy" | "tmux" | "chromium" | "postgresql";

const onPath = (command: string) => (spawnSync("sh", ["-c", `command -v ${command}`]).status === 0 ? command : undefined);
const pythonWith = (module: string) => ["python3", "/usr/bin/python3"].find((p) => spawnSync(p, ["-c", `import ${module}`]).status === 0);

const PROBES: Record<Service, { missing: string; debian: string; find: () => string | undefined }> = {
  promtool: { missing: "promtool is not on PATH", debian: "prometheus", find: () => onPath("promtool") },
  prometheus: { missing: "prometheus is not on PATH", debian: "prometheus", find: () => onPath("prometheus") },
  prometheus_client: {
    missing: "no python3 imports prometheus_client",
    debian: "python3-prometheus-client",
    find: () => pythonWith("prometheus_client"),
  },
  scipy: { missing: "no python3 imports scipy", debian: "python3-scipy", find: () => pythonWith("scipy") },
  tmux: { missing: "tmux is not on PATH", debian: "tmux", find: () => onPath("tmux") },
  chromium: { missing: "chromium is not on PATH", debian: "chromium", find: () => ["chromium", "chromium-browser"].find(onPath) },
  postgresql: { missing: "no PostgreSQL server (initdb) is installed", debian: "postgresql", find: findInitdb },
};

/**
 * What to run for `service` (the command; the python3 that imports the module; the path of
 * initdb, with pg_ctl and postgres beside it), or undefined after one line saying which check did not run.
 */
export function findService(service: Service, check: string): string | undefined {
  const probe = PROBES[service];
  const found = probe.find();
  if (found === undefined) console.warn(`SKIPPED: ${check} did not run: ${probe.missing} (apt-get install -y ${probe.debian}).`);
  return found;
}
