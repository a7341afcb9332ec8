import { accessSync, constants, existsSync } from "node:fs";
import { join } from "node:path";
import { STORE_FILE } from "../../store/open-store.js";
import { describeWriteError, probeWritable } from "../probe-writable.js";
import { hasSqliteHeader } from "../sqlite-header.js";
import type { CheckResult, HealthInputs } from "../types.js";

/** store: reachable, schema version, integrity (quick_check) and writable. */
export async function storeChecks(inputs: HealthInputs): Promise<CheckResult[]> {
  const file = join(inputs.config.dataDir, STORE_FILE);
  if ("error" in inputs.store) {
    const why = inputs.store.error;
    return [{ component: "store", measurement: "reachable", status: "fail", observed_value: false, output: why }, writable(inputs, file)];
  }
  const store = inputs.store;
  if (store.backend === "postgres") return postgresChecks(inputs, store);
  if (existsSync(file) && !hasSqliteHeader(file)) {
    return [
      {
        component: "store",
        measurement: "reachable",
        status: "fail",
        observed_value: false,
        output: `${file} is not a SQLite database (corrupt?); restore a backup or move it aside`,
      },
      writable(inputs, file),
    ];
  }
  const started = performance.now();
  const schema = await store.health.schemaVersion();
  const exists = existsSync(file);
  const ms = round(performance.now() - started);
  const checks: CheckResult[] = [
    {
      component: "store",
      measurement: "reachable",
      status: "pass",
      observed_value: ms,
      observed_unit: "ms",
      output: exists ? `${file} opened and read in ${ms} ms` : `no store yet in ${inputs.config.dataDir} (the first query creates it)`,
    },
  ];
  if (exists) {
    checks.push(schemaCheck(schema));
    checks.push(await integrity(inputs));
  }
  checks.push(writable(inputs, file));
  return checks;
}

type OpenStore = Exclude<HealthInputs["store"], { error: string }>;

/**
 * On PostgreSQL: reachable and schema version. There is no integrity row: the server checks its own
 * pages and SQLite's quick_check does not apply, so none is claimed. Writable is the data dir, which
 * holds the instance id.
 */
async function postgresChecks(inputs: HealthInputs, store: OpenStore): Promise<CheckResult[]> {
  const started = performance.now();
  const schema = await store.health.schemaVersion();
  const ms = round(performance.now() - started);
  return [
    {
      component: "store",
      measurement: "reachable",
      status: "pass",
      observed_value: ms,
      observed_unit: "ms",
      output: `${store.location} answered in ${ms} ms`,
    },
    schemaCheck(schema),
    writable(inputs, join(inputs.config.dataDir, "instance-id")),
  ];
}

function schemaCheck(schema: { found: number; expected: number }): CheckResult {
  const newer = schema.found > schema.expected;
  return {
    component: "store",
    measurement: "schema_version",
    status: newer ? "warn" : "pass",
    observed_value: schema.found,
    output: newer
      ? `schema version ${schema.found} is newer than this moodfood knows (${schema.expected}); upgrade moodfood`
      : `schema version ${schema.found} (current)`,
  };
}

/** A passing quick_check is reused for this long by `moodfood health`; a failing one is never reused. */
const INTEGRITY_REUSE_MS = 3_600_000;

async function integrity(inputs: HealthInputs): Promise<CheckResult> {
  const store = inputs.store as OpenStore;
  if (inputs.integrity === "cached") {
    const last = await store.health.lastIntegrity();
    if (!last) return base("pass", null, "not verified here (quick_check reads every page); moodfood health runs it");
    const when = new Date(last.checked_at).toISOString();
    return base(last.status, last.status === "fail" ? "error" : "ok", `${last.output} (by moodfood health at ${when})`);
  }
  const recent = inputs.integrity === "recent" ? await store.health.lastIntegrity() : undefined;
  if (recent && recent.status === "pass" && inputs.now - recent.checked_at < INTEGRITY_REUSE_MS) {
    const minutes = Math.round((inputs.now - recent.checked_at) / 60_000);
    return {
      ...base("pass", "ok", `${recent.output} (${minutes} min ago; --deep runs it again)`),
      observed_at: recent.checked_at,
    };
  }
  const started = performance.now();
  const result = await store.health.quickCheck();
  const ms = Math.round(performance.now() - started);
  if (result.length === 1 && result[0] === "ok") return base("pass", "ok", `quick_check ok in ${ms} ms`);
  const problems = result.flatMap((r) => r.split("\n")).filter((line) => line.trim() !== "" && !line.startsWith("***"));
  return base("fail", "error", `quick_check found damage (${problems[0] ?? "unknown"}); restore a backup`);

  function base(status: CheckResult["status"], value: string | null, output: string): CheckResult {
    return { component: "store", measurement: "integrity", status, observed_value: value, output };
  }
}

/** A write test that changes nothing in the store: a probe file beside it, and write permission on its files. */
function writable(inputs: HealthInputs, file: string): CheckResult {
  const dir = inputs.config.dataDir;
  const fail = (why: string): CheckResult => ({
    component: "store",
    measurement: "writable",
    status: "fail",
    observed_value: false,
    output: `${file} cannot be written (${why}): queries fail and nothing is recorded`,
  });
  if (!existsSync(dir))
    return {
      component: "store",
      measurement: "writable",
      status: "pass",
      observed_value: null,
      output: `${dir} does not exist yet (the first query creates it)`,
    };
  const probe = probeWritable(dir);
  if (!probe.ok) return fail(describeWriteError(probe.code));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(path)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      return fail(describeWriteError((error as { code?: string }).code ?? "error"));
    }
  }
  return {
    component: "store",
    measurement: "writable",
    status: "pass",
    observed_value: true,
    output: `${dir} and the files moodfood keeps there accept writes`,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
