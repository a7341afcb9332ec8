import { randomBytes } from "node:crypto";
import { closeSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../health/helpers.js";
import { mounts } from "../support/mounts.js";
import { moodfood, tempDataDir } from "./cli.js";

// DESIGN §8/§12: moodfood health's exit codes (Nagios) and one clear line per check, from the built CLI.
const port = String(await freePort()); // nothing listens there: "no server" for a CLI-only user
const env = { PROMETHEUS_PORT: port };
const health = (dir: string, ...args: string[]) => moodfood(["--data-dir", dir, "health", ...args], { env });
const lineOf = (stdout: string, key: string) => stdout.split("\n").find((l) => l.includes(` ${key} `)) ?? "";

function queried(): string {
  const dir = tempDataDir();
  expect(moodfood(["--data-dir", dir, "query", "I'm sad"], { env }).status).toBe(0);
  return dir;
}

describe("moodfood health (built CLI)", () => {
  it("a fresh setup with one query, no server, no LLM: healthy, exit 0", () => {
    const dir = queried();
    const human = health(dir);
    expect({ status: human.status, stderr: human.stderr }).toEqual({ status: 0, stderr: "" });
    expect(human.stdout).toMatch(/^Health HEALTHY {2}score 100\/100\n/);
    expect(lineOf(human.stdout, "metrics_server:reachable")).toMatch(/^pass .* not running on 127\.0\.0\.1:\d+/);
    expect(human.stdout).toMatch(/exit 0 \(OK\); stored for moodfood_system_health/);
    const json = health(dir, "--json");
    expect(json.status).toBe(0);
    const doc = JSON.parse(json.stdout) as { status: string; overall_status: string; score: number; checks: Record<string, unknown[]> };
    expect(doc).toMatchObject({ status: "pass", overall_status: "healthy", score: 100 });
    expect(Object.keys(doc.checks)).toEqual(
      expect.arrayContaining(["store:integrity", "filesystem:free_space", "model:loaded", "errors:error_rate"]),
    );
    const scrape = moodfood(["--data-dir", dir, "metrics", "show"], { env });
    expect(scrape.stdout).toMatch(/^moodfood_system_health 100$/m);
  });

  it("a corrupt database file: unhealthy, exit 2, one line saying so and no stack", () => {
    const dir = queried();
    const file = join(dir, "moodfood.db");
    for (const side of ["-wal", "-shm"]) rmSync(`${file}${side}`, { force: true });
    const fd = openSync(file, "r+");
    writeSync(fd, randomBytes(statSync(file).size), 0, undefined, 0);
    closeSync(fd);
    const run = health(dir);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: "" });
    expect(lineOf(run.stdout, "store:reachable")).toMatch(/^fail .*moodfood\.db is not a readable moodfood database/);
    expect(run.stdout).toMatch(/^Health UNHEALTHY {2}score \d+\/100/);
    expect(run.stdout).toMatch(/not stored: the store cannot be read/);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(JSON.parse(health(dir, "--json").stdout)).toMatchObject({ status: "fail", overall_status: "unhealthy", exit_code: 2 });
  });

  it("exit 3 when health itself cannot run (an invalid setting), with one line naming it", () => {
    const run = moodfood(["--data-dir", tempDataDir(), "health"], { env: { ...env, MOODFOOD_ALERT_WEBHOOK_FORMAT: "teams" } });
    expect(run.status).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^moodfood: Environment variable MOODFOOD_ALERT_WEBHOOK_FORMAT="teams" is invalid: expected json .*slack.*discord.*\n$/,
    );
  });
});

const disks = mounts("health on a read-only mount and a full disk");
afterAll(() => disks.release());

describe.skipIf(!disks.available)("moodfood health where the store cannot be written (built CLI)", () => {
  it("a read-only data dir: unhealthy, exit 2, and nothing written", () => {
    const dir = queried();
    const run = health(disks.readOnlyView(dir));
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: "" });
    expect(lineOf(run.stdout, "store:writable")).toMatch(/^fail .*cannot be written \(read-only file system\)/);
    expect(lineOf(run.stdout, "store:reachable")).toMatch(/^pass /);
    expect(run.stdout).toMatch(/not stored: the store cannot be written/);
  });

  it("a full disk: unhealthy, exit 2, free space and writability fail", () => {
    const disk = disks.tmpfs(4);
    expect(moodfood(["--data-dir", disk, "query", "I'm sad"], { env }).status).toBe(0);
    disks.fill(disk);
    const run = health(disk, "--json");
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: "" });
    const doc = JSON.parse(run.stdout) as { checks: Record<string, { status: string; output: string }[]>; cached: boolean };
    expect(doc.checks["filesystem:free_space"]?.[0]).toMatchObject({ status: "fail", output: expect.stringMatching(/under 1 % or 50 MB/) });
    expect(doc.checks["store:writable"]?.[0]).toMatchObject({ status: "fail", output: expect.stringMatching(/no space left/) });
    expect(doc.cached).toBe(false);
  });
});
