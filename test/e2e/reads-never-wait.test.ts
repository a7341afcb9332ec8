import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { startCollector } from "../interop/otlp-collector.js";
import { backendEnv } from "../support/test-store.js";
import { BIN, moodfood, tempDataDir } from "./cli.js";
import { serveBin } from "./serve-bin.js";

// DESIGN §15: reads never wait on writers (behind SQLite's write lock: reads-never-wait.sqlite.test.ts).
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("reads (built CLI)", () => {
  it("exits 0 quietly when the reader of its output goes away (trace list | head -1)", async () => {
    const dir = tempDataDir();
    expect(moodfood(["--data-dir", dir, "simulate", "--days", "1", "--per-day", "400"]).status).toBe(0);
    const args = ["--data-dir", dir, "trace", "list", "--limit", "400"];
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...backendEnv(args) },
    });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    await once(child.stdout!, "data");
    child.stdout!.destroy(); // what `head -1` does after its first line
    const [code] = (await once(child, "exit")) as [number];
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  });
});

describe("the server (built CLI)", () => {
  it("exports a query made through POST /query to the OTLP collector within a few seconds", async () => {
    const collector = await startCollector();
    try {
      const env = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.base, OTEL_SERVICE_NAME: "moodfood-api" };
      const { url } = await serveBin(tempDataDir(), children, env);
      const response = await fetch(`${url}/query`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "tired after the gym" }),
      });
      const { trace_id } = (await response.json()) as { trace_id: string };
      const deadline = Date.now() + 3000;
      const exported = () =>
        collector.received.flatMap((r) =>
          r.body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.traceId))),
        );
      while (!exported().includes(trace_id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(exported()).toContain(trace_id);
      expect(exported().filter((id) => id === trace_id).length).toBeGreaterThanOrEqual(7); // the root and its six stages
    } finally {
      await collector.close();
    }
  });
});
