import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { moodfood, moodfoodAsync, tempDataDir } from "./cli.js";
import { serveBin } from "./serve-bin.js";

// DESIGN §15: reads never wait on writers, and the server never blocks its event loop on the SQLite lock.
// SQLite only: another process holds the database file's write lock; a read of a never-used data dir leaves it
// uncreated (on PostgreSQL the data dir gets its instance id on first use, README "instance").
const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Another process holding the store's write lock (BEGIN IMMEDIATE) until it is killed. */
async function holdWriteLock(dataDir: string): Promise<ChildProcess> {
  const script = `const db = new (require(${JSON.stringify(betterSqlite)}))(${JSON.stringify(join(dataDir, "moodfood.db"))});
    db.exec("BEGIN IMMEDIATE"); console.log("locked"); setTimeout(() => {}, 60000);`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  await once(createInterface({ input: child.stdout! }), "line");
  return child;
}

const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
};

describe("reads while another process writes (built CLI)", () => {
  it("trace list, trace, metrics show, models list and drift alerts finish within 2 s behind a held write lock", async () => {
    const dir = tempDataDir();
    const answer = JSON.parse(moodfood(["--data-dir", dir, "query", "--json", "I'm sad"]).stdout) as { trace_id: string };
    const locker = await holdWriteLock(dir);
    try {
      for (const args of [
        ["trace", "list"],
        ["trace", answer.trace_id.slice(0, 8)],
        ["metrics", "show"],
        ["models", "list"],
        ["drift", "alerts"],
      ]) {
        const { value: run, ms } = timed(() => moodfood(["--data-dir", dir, ...args]));
        expect({ args, status: run.status, stderr: run.stderr }).toEqual({ args, status: 0, stderr: "" });
        expect(ms).toBeLessThan(2000);
      }
      expect(moodfood(["--data-dir", dir, "trace", "list"]).stdout).toContain(answer.trace_id.slice(0, 10));
    } finally {
      locker.kill("SIGKILL");
    }
  });

  it("a read of a data dir with no store yet reads as empty and creates nothing", () => {
    const dir = join(tempDataDir(), "never-used");
    const run = moodfood(["--data-dir", dir, "trace", "list", "--json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ traces: [] });
    expect(spawnSync("test", ["-e", dir]).status).toBe(1);
  });
});

describe("the server while another process holds the write lock (built CLI)", () => {
  it("answers /livez and /metrics at once while a POST /query waits, then stores the query", async () => {
    const dir = tempDataDir();
    const { url } = await serveBin(dir, children);
    const locker = await holdWriteLock(dir);
    const post = fetch(`${url}/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "I'm sad and it's freezing" }),
    });
    let settled = false;
    void post.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300)); // the query is now waiting on the lock
    const livez: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      expect((await fetch(`${url}/livez`)).status).toBe(200);
      livez.push(performance.now() - start);
    }
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(settled).toBe(false);
    livez.sort((a, b) => a - b);
    expect(livez[2]).toBeLessThan(50);
    locker.kill("SIGKILL");
    const response = await post;
    expect(response.status).toBe(200);
    const { trace_id } = (await response.json()) as { trace_id: string };
    const stored = await moodfoodAsync(["--data-dir", dir, "trace", trace_id, "--json"]);
    expect(JSON.parse(stored.stdout)).toMatchObject({ trace_id, status: "ok" });
  });
});
