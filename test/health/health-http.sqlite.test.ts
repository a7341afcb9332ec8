import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/store.js";
import { recordQuery } from "../metrics/helpers.js";
import { healthConfig, serve, tempDir, until, withWriteStore } from "./helpers.js";

// SQLite only: the store's file overwritten under a running server, and another process holding SQLite's write lock.
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("GET /readyz", () => {
  it("is 200 while the store reads, 503 once its file is overwritten (the connection's cache would not notice)", async () => {
    const dir = tempDir();
    const info = await serve(await healthConfig(dir), cleanups);
    expect((await fetch(`${info.url}/readyz`)).status).toBe(200);
    writeFileSync(join(dir, "moodfood.db"), randomBytes(8192));
    const res = await fetch(`${info.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: "store_unavailable", message: expect.stringMatching(/not a SQLite database/) } });
    expect((await fetch(`${info.url}/health/full`)).status).toBe(503);
  });
});

describe("metrics serve's health timer on SQLite", () => {
  it("waits for another process's write lock without blocking the event loop", async () => {
    const dir = tempDir();
    await withWriteStore(dir, (store) => recordQuery(store));
    const info = await serve(await healthConfig(dir), cleanups, 50);
    const reader = await openStore(dir, { readonly: true });
    cleanups.push(() => reader.close());
    const first = await until(() => reader.health.latest());
    const locker = new Database(join(dir, "moodfood.db"));
    cleanups.push(async () => void locker.close());
    locker.exec("BEGIN IMMEDIATE"); // another process holds the write lock
    const lockedAt = (await reader.health.latest())?.checked_at ?? first.checked_at;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      expect((await fetch(`${info.url}/livez`)).status).toBe(200);
      times.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(Math.min(...times)).toBeLessThan(50);
    expect((await reader.health.latest())?.checked_at).toBe(lockedAt); // nothing written while locked out
    locker.exec("COMMIT");
    await until(async () => (((await reader.health.latest())?.checked_at ?? 0) > lockedAt ? true : undefined));
  });
});
