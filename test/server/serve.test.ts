import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { assertSafeBind, isLoopbackHost } from "../../src/server/listen.js";
import { runMetricsServe, type ServeInfo } from "../../src/server/run-serve.js";
import { backendEnv, openTestStore } from "../support/test-store.js";
import { fakeRunQuery } from "./helpers.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "mf-serve-"));
  dirs.push(dir);
  return loadConfig({ env: { MOODFOOD_DATA_DIR: dir, ...backendEnv([], { MOODFOOD_DATA_DIR: dir }), ...env }, cwd: dir });
}

async function serve(
  config: ReturnType<typeof setup>,
  options: Partial<{ host: string; port: number; insecure: boolean }> = {},
  delayMs = 0,
) {
  const controller = new AbortController();
  const store = await openTestStore(config.dataDir); // the fake pipeline's own connection, like a second process
  let resolveInfo: (info: ServeInfo) => void = () => {};
  const listening = new Promise<ServeInfo>((resolve) => (resolveInfo = resolve));
  const done = runMetricsServe(
    { host: "127.0.0.1", port: 0, insecure: false, ...options },
    { config, signal: controller.signal, onListening: resolveInfo, log: () => {}, runQuery: fakeRunQuery(store, delayMs), graceMs: 2000 },
  ).finally(() => store.close());
  return { controller, listening, done };
}

describe("metrics serve lifecycle", () => {
  it("fails with one line naming the port and --port when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { done } = await serve(setup(), { port });
      await expect(done).rejects.toMatchObject({
        code: "port_in_use",
        exitCode: 1,
        message: expect.stringMatching(new RegExp(`Port ${port}.*--port`)),
      });
    } finally {
      blocker.close();
    }
  });

  it("refuses a non-loopback host without a token unless --insecure", async () => {
    await expect((await serve(setup(), { host: "0.0.0.0" })).done).rejects.toMatchObject({ code: "insecure_bind", exitCode: 2 });
    // Checked without binding: tests never open a port beyond loopback.
    expect(() => assertSafeBind("0.0.0.0", "t".repeat(32), false)).not.toThrow();
    expect(() => assertSafeBind("0.0.0.0", "short-token", false)).toThrow(/11 characters.*at least 32/);
    expect(() => assertSafeBind("192.168.1.10", "", true)).not.toThrow();
    expect(() => assertSafeBind("::", "", false)).toThrow(/MOODFOOD_API_TOKEN.*--insecure/);
  });

  it("on a stop signal finishes the in-flight request, then stops accepting", async () => {
    const { controller, listening, done } = await serve(setup(), {}, 300);
    const { url } = await listening;
    const inFlight = fetch(`${url}/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "sad" }),
    });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort("SIGINT");
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { trace_id: string }).trace_id).toMatch(/^[0-9a-f]{32}$/);
    await expect(done).resolves.toMatchObject({ stoppedBy: "SIGINT" });
    await expect(fetch(`${url}/livez`)).rejects.toThrow();
  });

  it("counts queries written by other processes before it started", async () => {
    const config = setup();
    const other = await openTestStore(config.dataDir);
    for (let i = 0; i < 3; i++) await fakeRunQuery(other)({ text: "sad" });
    await other.close();
    const { controller, listening, done } = await serve(config);
    const { url } = await listening;
    const body = await (await fetch(`${url}/metrics`)).text();
    controller.abort("SIGTERM");
    await done;
    expect(body).toMatch(/moodfood_queries_total\{status="ok",decision="llm_fallback",model_version="m1"\} 3\n/);
    expect(body).toContain("process_cpu_user_seconds_total");
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
    ["example.com", false],
  ])("%s -> %s", (host, expected) => expect(isLoopbackHost(host)).toBe(expected));
});
