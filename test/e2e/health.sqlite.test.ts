import { randomBytes } from "node:crypto";
import { closeSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mounts } from "../support/mounts.js";
import { moodfood } from "./cli.js";
import { env, health, lineOf, queried } from "./health-cli.js";

// DESIGN §8/§12: moodfood health's exit codes where SQLite's store file is damaged or cannot be written.

describe("moodfood health on a damaged SQLite store (built CLI)", () => {
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
