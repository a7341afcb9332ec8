import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, tempDataDir } from "./cli.js";

/** Runs a query with a preload that records, at exit, which modules the process loaded. */
function loadedModules(env: NodeJS.ProcessEnv = {}): { builtins: string[]; files: string[] } {
  const out = join(mkdtempSync(join(tmpdir(), "mf-modules-")), "loaded.json");
  const preload = join(mkdtempSync(join(tmpdir(), "mf-preload-")), "record.cjs");
  writeFileSync(
    preload,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) })));`,
  );
  const run = spawnSync(process.execPath, ["--require", preload, BIN, "--data-dir", tempDataDir(), "query", "sad and cold"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, "utf8"));
}

// SQLite only: the default store's budget. On PostgreSQL the pg driver itself loads net, tls and crypto (SCRAM login), and with them http.
describe("the query path stays light (startup budget, DESIGN §14)", () => {
  it("loads no HTTP server, metrics, OTLP, crypto or PostgreSQL code unless configured", () => {
    const { builtins, files } = loadedModules();
    for (const heavy of ["NativeModule http", "NativeModule crypto", "NativeModule child_process"]) expect(builtins).not.toContain(heavy);
    expect(files.filter((f) => /prom-client|sentiment|[/\\]ink[/\\]|[/\\]react[/\\]|[/\\]pg(-[a-z]+)?[/\\]/.test(f))).toEqual([]);
  });

  it("loads the HTTP client only when an OTLP endpoint is set", () => {
    const { builtins } = loadedModules({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9", OTEL_EXPORTER_OTLP_TIMEOUT: "200" });
    expect(builtins).toContain("NativeModule http");
  });
});
