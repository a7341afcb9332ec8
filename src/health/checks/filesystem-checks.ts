import { statfsSync } from "node:fs";
import { describeWriteError, nearestExisting, probeWritable } from "../probe-writable.js";
import type { CheckResult, CheckStatus, HealthInputs } from "../types.js";

/** Free space: warn below 5 % or 500 MB, fail below 1 % or 50 MB (whichever trips first). */
export const FREE_SPACE = { warnRatio: 0.05, warnBytes: 500e6, failRatio: 0.01, failBytes: 50e6 } as const;

/** filesystem: data dir and reports dir writable, free space where the store lives. */
export function filesystemChecks(inputs: HealthInputs): CheckResult[] {
  return [
    dirWritable("data_dir_writable", "data dir", inputs.config.dataDir),
    dirWritable("reports_dir_writable", "reports dir", inputs.reportsDir),
    freeSpace(inputs.config.dataDir),
  ];
}

function dirWritable(measurement: string, what: string, dir: string): CheckResult {
  const target = nearestExisting(dir);
  const probe = probeWritable(target);
  const later = target === dir ? "" : ` (${dir} is created there when needed)`;
  if (probe.ok)
    return { component: "filesystem", measurement, status: "pass", observed_value: true, output: `${target} is writable${later}` };
  return {
    component: "filesystem",
    measurement,
    status: "fail",
    observed_value: false,
    output: `${what} ${target} is not writable (${describeWriteError(probe.code)})`,
  };
}

/** The verdict for `free` bytes available of `total`; exported for the threshold tests. */
export function judgeFreeSpace(free: number, total: number): CheckStatus {
  const ratio = total > 0 ? free / total : 0;
  if (ratio < FREE_SPACE.failRatio || free < FREE_SPACE.failBytes) return "fail";
  if (ratio < FREE_SPACE.warnRatio || free < FREE_SPACE.warnBytes) return "warn";
  return "pass";
}

function freeSpace(dataDir: string): CheckResult {
  const where = nearestExisting(dataDir);
  const stats = statfsSync(where);
  const free = stats.bavail * stats.bsize;
  const total = stats.blocks * stats.bsize;
  const status = judgeFreeSpace(free, total);
  const percent = total > 0 ? ((100 * free) / total).toFixed(1) : "0";
  const limit = status === "fail" ? "under 1 % or 50 MB" : status === "warn" ? "under 5 % or 500 MB" : "";
  return {
    component: "filesystem",
    measurement: "free_space",
    status,
    observed_value: free,
    observed_unit: "bytes",
    output: `${formatBytes(free)} free of ${formatBytes(total)} (${percent} %) at ${where}${limit ? `: ${limit}` : ""}`,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}
