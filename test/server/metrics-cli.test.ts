import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { recordQuery } from "../metrics/helpers.js";
import { backendEnv, openTestStore } from "../support/test-store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "mf-metrics-cli-"));
  dirs.push(dir);
  const store = await openTestStore(dir);
  await recordQuery(store);
  await store.close();
  let stdout = "";
  let stderr = "";
  const args = ["--data-dir", dir, ...argv];
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { ...backendEnv(args, env), ...env },
    cwd: dir,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe("moodfood metrics (argv -> behaviour, in process)", () => {
  it.each([
    [["metrics", "serve", "--port", "70000"], /port.*0 to 65535/i],
    [["metrics", "serve", "--port", "abc"], /whole number/],
    [["metrics", "serve", "--bogus"], /unknown option/i],
  ])("%j is a usage error (exit 2, one line)", async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses a non-loopback host without a token before opening a port", async () => {
    const { code, stderr } = await cli(["metrics", "serve", "--host", "0.0.0.0", "--port", "0"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--insecure");
  });

  it("reports an invalid PROMETHEUS_PORT by name", async () => {
    const { code, stderr } = await cli(["metrics", "show"], { PROMETHEUS_PORT: "99999" });
    expect(code).toBe(2);
    expect(stderr).toContain("PROMETHEUS_PORT");
  });

  it("metrics show prints the text exposition, --openmetrics ends with # EOF, --json prints one document", async () => {
    const text = await cli(["metrics", "show"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^moodfood_queries_total\{status="ok",decision="llm_fallback",model_version="m1"\} 1$/m);
    expect(text.stdout).not.toContain("process_cpu"); // a one-shot process's own metrics mean nothing
    expect((await cli(["metrics", "show", "--openmetrics"])).stdout.endsWith("# EOF\n")).toBe(true);
    const json = await cli(["metrics", "show", "--json"]);
    expect(JSON.parse(json.stdout).counters[0]).toMatchObject({ name: "moodfood_queries_total", value: 1 });
  });
});
