import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backendEnv } from "../support/test-store.js";

export const BIN = new URL("../../bin/moodfood.cjs", import.meta.url).pathname;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), "mf-e2e-"));

/** The caller's environment without moodfood's or OpenTelemetry's settings, so a developer's own shell cannot change a test. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(MOODFOOD_|OTEL_|TRACE_|DRIFT_|PROMETHEUS_PORT$)/.test(key)));
}

/** Runs the built CLI as a user would (on the test project's backend: see test/support/test-store.ts) (e2e tests need `npm run build` first; `npm test` does it). */
export function moodfood(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...cleanEnv(), NO_COLOR: "1", ...backendEnv(args, options.env), ...options.env },
    input: options.input,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function moodfoodAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...cleanEnv(), NO_COLOR: "1", ...backendEnv(args, env), ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
