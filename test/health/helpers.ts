import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/config/load-config.js";
import type { Config } from "../../src/config/settings.js";
import type { HealthDocument } from "../../src/health/health-document.js";
import { runHealth } from "../../src/health/run-health.js";
import { runMetricsServe, type ServeInfo } from "../../src/server/run-serve.js";
import type { Store } from "../../src/store/store.js";
import { backendEnv, openTestStore } from "../support/test-store.js";

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "mf-health-"));

/** A port nothing listens on (bound, read, released), so the metrics-server check sees "not running". */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function healthConfig(dir: string, env: Record<string, string> = {}): Promise<Config> {
  const base = { MOODFOOD_DATA_DIR: dir, PROMETHEUS_PORT: String(await freePort()), ...env };
  return loadConfig({ env: { ...backendEnv([], base), ...base }, cwd: dir });
}

export async function check(config: Config, deep = false): Promise<{ doc: HealthDocument; warnings: string[] }> {
  const warnings: string[] = [];
  const doc = await runHealth({ deep }, { config, cwd: config.dataDir, warn: (line) => warnings.push(line) });
  return { doc, warnings };
}

/** Opens the data dir's store for writing (on the test project's backend), runs fn (sync or async) and closes it. */
export async function withWriteStore<T>(dir: string, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const store = await openTestStore(dir);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A webhook receiver on loopback that keeps every JSON body it is sent. */
export async function webhookReceiver(): Promise<{ url: string; bodies: unknown[]; close(): Promise<void> }> {
  const bodies: unknown[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      bodies.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const statusOf = (doc: HealthDocument, key: string) => doc.checks[key]?.[0]?.status;

/** Polls `probe` until it answers something other than undefined. */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `moodfood metrics serve` in process on a free port; `cleanups` gets what stops it after the test. */
export async function serve(config: Config, cleanups: (() => Promise<void>)[], healthIntervalMs?: number): Promise<ServeInfo> {
  const controller = new AbortController();
  const logs: string[] = [];
  let onListening: (info: ServeInfo) => void = () => {};
  const listening = new Promise<ServeInfo>((resolve) => (onListening = resolve));
  const done = runMetricsServe(
    { host: "127.0.0.1", port: 0, insecure: false },
    { config, signal: controller.signal, onListening, log: (l) => logs.push(l), graceMs: 1000, healthIntervalMs },
  );
  cleanups.push(async () => {
    controller.abort();
    await done;
  });
  return listening;
}
