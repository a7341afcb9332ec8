import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { packagePath } from "../../src/config/package-path.js";
import { parseSamples, sumOf } from "../metrics/exposition-parse.js";
import { backendEnv } from "../support/test-store.js";

// End to end through the built bundle (npm test builds it first); skipped, visibly, without one.
const bin = packagePath("bin", "moodfood.cjs");
const built = existsSync(packagePath("dist", "moodfood.cjs"));
if (!built) console.warn("SKIPPED: dist/moodfood.cjs is missing (run npm run build), so the metrics CLI end-to-end tests did not run.");

const JSON_HEADERS = { "content-type": "application/json" };
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  // A failed assertion must not leave a server running.
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "mf-e2e-"));
  dirs.push(dir);
  return dir;
};
/** The built CLI on the data dir's store (on the postgres project, the data dir's schema). */
const run = (args: string[], options: { env?: NodeJS.ProcessEnv; timeout?: number } = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    ...options,
    env: { ...process.env, ...backendEnv(args), ...options.env },
  });
const cli = (dir: string, args: string[]) => run(["--data-dir", dir, ...args]);

async function serve(dir: string, args: string[] = []) {
  const argv = ["--data-dir", dir, "metrics", "serve", "--port", "0", "--json", ...args];
  const child = spawn(process.execPath, [bin, ...argv], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...backendEnv(argv) },
  });
  children.push(child);
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

describe.skipIf(!built)("moodfood metrics (built CLI)", () => {
  it("counts N queries made by separate CLI processes, then exits 0 on SIGTERM", async () => {
    const dir = dataDir();
    const N = 3;
    for (let i = 0; i < N; i++) expect(cli(dir, ["query", "--json", `I'm sad ${i}`]).status).toBe(0);
    const { child, url } = await serve(dir);
    expect(cli(dir, ["query", "--json", "tired and cold"]).status).toBe(0); // while the server runs
    const samples = parseSamples(await (await fetch(`${url}/metrics`)).text());
    expect(sumOf(samples, "moodfood_queries_total")).toBe(N + 1);
    expect(sumOf(samples, "moodfood_query_processing_time_ms_count", { stage: "total" })).toBe(N + 1);
    const answer = (await (
      await fetch(`${url}/query`, {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify({ query: "happy, want to celebrate", top: 2 }),
      })
    ).json()) as {
      trace_id: string;
      recommendations: unknown[];
    };
    expect(answer.recommendations).toHaveLength(2);
    expect((await fetch(`${url}/trace/${answer.trace_id}`)).status).toBe(200);
    // Over the length limit: a client mistake (400), recorded as a failed trace like the CLI does.
    const tooLong = await fetch(`${url}/query`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: JSON.stringify({ query: "sad ".repeat(2600) }),
    });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { error: { code: string } }).error.code).toBe("query_too_long");
    const after = parseSamples(await (await fetch(`${url}/metrics`)).text());
    expect(sumOf(after, "moodfood_queries_total", { status: "error" })).toBe(1);
    expect(after.filter((s) => s.name === "moodfood_current_model_version")).toHaveLength(1);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });

  it("says which port is taken and how to choose another, exit 1", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = run(["--data-dir", dataDir(), "metrics", "serve", "--port", String(port)], { timeout: 10_000 });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(`Port ${port}`);
      expect(result.stderr).toContain("--port");
    } finally {
      blocker.close();
    }
  });

  it("refuses a non-loopback --host without a token (usage error, exit 2)", () => {
    const result = run(["--data-dir", dataDir(), "metrics", "serve", "--host", "0.0.0.0", "--port", "0"], {
      env: { MOODFOOD_API_TOKEN: "" },
      timeout: 10_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/MOODFOOD_API_TOKEN.*--insecure/);
  });

  it("metrics show prints the exposition once; --json the stored values", () => {
    const dir = dataDir();
    expect(cli(dir, ["query", "--json", "stressed"]).status).toBe(0);
    const text = cli(dir, ["metrics", "show"]);
    expect(text.status).toBe(0);
    expect(sumOf(parseSamples(text.stdout), "moodfood_queries_total")).toBe(1);
    const om = cli(dir, ["metrics", "show", "--openmetrics"]);
    expect(om.stdout.endsWith("# EOF\n")).toBe(true);
    const json = JSON.parse(cli(dir, ["metrics", "show", "--json"]).stdout) as { counters: { name: string; value: number }[] };
    expect(json.counters.find((c) => c.name === "moodfood_queries_total")?.value).toBe(1);
  });
});
