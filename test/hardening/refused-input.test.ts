import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, moodfood, tempDataDir } from "../e2e/cli.js";
import { storeBytes } from "../support/store-contents.js";
import { backendEnv } from "../support/test-store.js";

// Issue 16: refused input is not stored in full (fifty refused 1 MB bodies once grew the store by 54 MB).
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("refused queries keep a bounded excerpt (built CLI)", () => {
  it("fifty refused 1 MB POST /query bodies grow the store by well under 1 MB, each refusal traced", async () => {
    const dir = tempDataDir();
    const args = ["--data-dir", dir, "metrics", "serve", "--port", "0", "--json"];
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...backendEnv(args) },
    });
    children.push(child);
    const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
    const { url } = JSON.parse(line) as { url: string };
    await fetch(`${url}/query`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"warm up"}' });
    const before = await storeBytes(dir);
    const body = JSON.stringify({ query: "sad ".repeat(250_000) });
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${url}/query`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status).toBe(400);
    }
    child.kill("SIGTERM");
    await once(child, "exit");
    expect((await storeBytes(dir)) - before).toBeLessThan(1_000_000);
    const traces = (
      JSON.parse(moodfood(["--data-dir", dir, "trace", "list", "--status", "error", "--limit", "100", "--json"]).stdout) as {
        traces: { query: string; error: string }[];
      }
    ).traces;
    expect(traces).toHaveLength(50);
    expect(traces[0]?.query).toMatch(/^sad sad .*… \[refused: 1000000 characters\]$/);
    expect(traces[0]?.query.length).toBeLessThan(300);
  });
});
