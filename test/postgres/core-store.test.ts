import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { parseDatabaseUrl } from "../../src/store/postgres/connection-url.js";
import { PG_MIGRATIONS } from "../../src/store/postgres/migrations.js";
import { pgError } from "../../src/store/postgres/pg-errors.js";
import { createPool, createSql } from "../../src/store/postgres/sql-client.js";
import { openStore, type Store } from "../../src/store/store.js";
import { databaseUrl, type Scratch, SKIP_REASON, scratchSchema } from "./core-support.js";

const open = (url: string, instance = "test") => openStore({ dataDir: ":memory:", databaseUrl: url }, { instance });

/** A client on the scratch schema, for looking behind the store's back. */
async function raw<T>(schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("database URLs (no server needed)", () => {
  it("takes our schema parameter out and never shows the password", () => {
    const target = parseDatabaseUrl("postgresql://mf:s3cret%21@db.example:6543/prod?schema=fleet_1&sslmode=require");
    expect(target.schema).toBe("fleet_1");
    expect(target.display).toBe("postgres://mf@db.example:6543/prod?schema=fleet_1");
    expect(target.connectionString).not.toContain("schema=");
    expect(target.connectionString).toContain("sslmode=require");
    expect(parseDatabaseUrl("postgres://mf:pw@db/prod").display).toBe("postgres://mf@db:5432/prod");
  });

  it("rejects a URL that is not PostgreSQL's, or a schema that is not an identifier, as store_config", () => {
    for (const bad of [
      "mysql://mf:pw@db/prod",
      "not a url at all",
      "postgres://mf:pw@db/prod?schema=Fleet",
      "postgres://mf:pw@db/prod?schema=1x",
    ]) {
      const error = (() => {
        try {
          parseDatabaseUrl(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error, bad).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe("store_config");
      expect((error as UserError).message).not.toContain("pw");
    }
  });

  it("maps PostgreSQL's failures to one sentence with a stable code, and lets the rest through", () => {
    const failure = (fields: object, message = "failed") => Object.assign(new Error(message), fields);
    const refused = new AggregateError([failure({ code: "ECONNREFUSED" }), failure({ code: "ECONNREFUSED" })], "");
    const cases: [unknown, string][] = [
      [refused, "store_unavailable"],
      [failure({}, "Connection terminated unexpectedly"), "store_unavailable"],
      [failure({}, "timeout exceeded when trying to connect"), "store_unavailable"],
      [failure({ code: "57P01" }), "store_unavailable"],
      [failure({ code: "08006" }), "store_unavailable"],
      [failure({ code: "28P01" }), "store_auth"],
      [failure({ code: "53100" }), "store_full"],
      [failure({ code: "57014" }), "store_busy"],
      [failure({ code: "55P03" }), "store_busy"],
    ];
    for (const [error, code] of cases) {
      const mapped = pgError(error, "postgres://mf@db:5432/prod");
      expect(mapped, code).toMatchObject({ code });
      expect(mapped.message).toContain("PostgreSQL at postgres://mf@db:5432/prod");
    }
    const conflict = failure({ code: "40001" });
    expect(pgError(conflict, "x")).toBe(conflict);
  });

  it("says a refused connection is store_unavailable, naming the place but not the password", async () => {
    const error = await open("postgres://mf:hunter2secret@127.0.0.1:1/moodfood?schema=nowhere").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("store_unavailable");
    expect((error as UserError).message).toContain("postgres://mf@127.0.0.1:1/moodfood?schema=nowhere");
    expect((error as UserError).message).not.toContain("hunter2secret");
  });
});

describe.skipIf(!databaseUrl)(`PostgreSQL store core (${SKIP_REASON})`, () => {
  let scratch: Scratch;
  let store: Store;

  beforeAll(async () => {
    scratch = scratchSchema();
    store = await open(scratch.url);
  });
  afterAll(async () => {
    await store?.close();
    await scratch?.drop();
  });

  it("migrates a fresh schema once when 8 instances open it at the same time", async () => {
    const fresh = scratchSchema();
    try {
      const stores = await Promise.all(Array.from({ length: 8 }, (_, i) => open(fresh.url, `i${i}`)));
      const versions = await raw(fresh.schema, async (c) => (await c.query("SELECT version FROM schema_migrations ORDER BY version")).rows);
      expect(versions.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
      expect(await stores[0]?.health.schemaVersion()).toEqual({ found: PG_MIGRATIONS.length, expected: PG_MIGRATIONS.length });
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await fresh.drop();
    }
  });

  it("refuses a schema a newer moodfood migrated (store_outdated)", async () => {
    const newer = scratchSchema();
    try {
      await (await open(newer.url)).close();
      await raw(newer.schema, (c) => c.query("INSERT INTO schema_migrations VALUES (99, 0)"));
      await expect(open(newer.url)).rejects.toMatchObject({ code: "store_outdated" });
    } finally {
      await newer.drop();
    }
  });

  it("rolls a transaction back when its body throws, and a nested one joins it", async () => {
    const failed = store.transaction(async () => {
      await store.meta.set("rollback.outer", 1, 1);
      await store.transaction(async () => store.meta.set("rollback.inner", 2, 2));
      throw new Error("body failed");
    });
    await expect(failed).rejects.toThrow("body failed");
    expect(await store.meta.get("rollback.outer")).toBeUndefined();
    expect(await store.meta.get("rollback.inner")).toBeUndefined();
    await store.transaction(async () => store.meta.set("kept", { a: [1, "x"] }, 5));
    expect(await store.meta.get("kept")).toEqual({ value: { a: [1, "x"] }, updatedAt: 5 });
    expect(await store.meta.delete("kept")).toBe(true);
    expect(await store.meta.delete("kept")).toBe(false);
  });

  it("serialises writers: concurrent read-modify-write transactions lose no update", async () => {
    const other = await open(scratch.url, "other");
    try {
      await store.meta.set("counter", 0, 0);
      const bump = (s: Store) =>
        s.transaction(async () => {
          const n = (await s.meta.get<number>("counter"))?.value ?? 0;
          await s.meta.set("counter", n + 1, n + 1);
        });
      await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? store : other)));
      expect((await store.meta.get<number>("counter"))?.value).toBe(20);
    } finally {
      await other.close();
    }
  });

  it("reads a snapshot that a concurrent write does not change", async () => {
    await store.meta.set("snap", "before", 1);
    const other = await open(scratch.url);
    try {
      const seen = await store.snapshot(async () => {
        const first = await store.meta.get<string>("snap");
        await other.meta.set("snap", "after", 2);
        return [first?.value, (await store.meta.get<string>("snap"))?.value];
      });
      expect(seen).toEqual(["before", "before"]);
      expect((await store.meta.get<string>("snap"))?.value).toBe("after");
    } finally {
      await other.close();
    }
  });

  it("keeps models as SQLite does: bytes, one active, newest first", async () => {
    const sqlite = await openStore(":memory:");
    try {
      for (const s of [sqlite, store]) {
        await s.models.save("v1", '{"h":1}', Buffer.from([0, 1, 2, 255]), 100);
        await s.models.save("v2", '{"h":2}', Buffer.from("weights"), 100);
        await s.models.activate("v2");
        await s.models.activate("v1");
        await s.models.save("v0", "{}", Buffer.alloc(0), 50);
      }
      expect(await store.models.list()).toEqual(await sqlite.models.list());
      expect(await store.models.active()).toEqual(await sqlite.models.active());
      expect((await store.models.get("v1"))?.weights).toEqual(Buffer.from([0, 1, 2, 255]));
      await store.models.activate(undefined);
      expect(await store.models.active()).toBeUndefined();
    } finally {
      await sqlite.close();
    }
  });

  it("answers backup with a pointer to pg_dump, and keeps no-ops quiet", async () => {
    await expect(store.backup("/tmp/never")).rejects.toMatchObject({ code: "backup_postgres" });
    await store.reclaimSpace();
    await store.checkpoint();
    expect(store.location).not.toContain("devsecret");
    expect(store.location).toContain(`schema=${scratch.schema}`);
  });

  it("streams in pages from a cursor and gives the connection back when iteration stops early", async () => {
    const pool = createPool(parseDatabaseUrl(scratch.url));
    const sql = createSql(pool, "test", "1");
    try {
      const all: number[] = [];
      for await (const row of sql.stream<{ n: number }>("SELECT n FROM generate_series(1, 23) AS n ORDER BY n", [], 5)) all.push(row.n);
      expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
      for await (const row of sql.stream<{ n: number }>("SELECT n::bigint FROM generate_series(1, 1000) AS n", [], 10)) {
        expect(row.n).toBe(1);
        break;
      }
      expect(pool.totalCount - pool.idleCount).toBe(0);
      const inside = await sql.transaction(async () => {
        const rows: number[] = [];
        for await (const row of sql.stream<{ n: number }>("SELECT n FROM generate_series(1, 7) AS n", [], 3)) rows.push(row.n);
        return rows.length;
      });
      expect(inside).toBe(7);
    } finally {
      await sql.end();
    }
  });

  it("outlives its connections being killed (a PostgreSQL restart): idle ones quietly, a busy one as store_unavailable", async () => {
    const url = new URL(scratch.url);
    url.searchParams.set("application_name", `mf_${scratch.schema}`);
    const victim = await open(url.toString());
    const kill = () =>
      raw(scratch.schema, (c) =>
        c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [`mf_${scratch.schema}`]),
      );
    try {
      await victim.meta.set("restart", 1, 1);
      await kill(); // its pooled connection was idle
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await victim.meta.get<number>("restart"))?.value).toBe(1);
      const inFlight = victim.transaction(async () => {
        await victim.meta.set("restart", 2, 2);
        await kill();
        await victim.meta.set("restart", 3, 3);
      });
      await expect(inFlight).rejects.toMatchObject({ code: "store_unavailable" });
      expect((await victim.meta.get<number>("restart"))?.value).toBe(1);
    } finally {
      await victim.close();
    }
  });

  it("retries a write while the database is busy, within its patience", async () => {
    let tries = 0;
    const result = await store.writeWhenFree(async () => {
      tries += 1;
      if (tries < 3) throw new UserError("store_busy", "busy");
      return "done";
    }, 2000);
    expect([result, tries]).toEqual(["done", 3]);
    await expect(store.writeWhenFree(async () => Promise.reject(new UserError("store_busy", "busy")), 30)).rejects.toMatchObject({
      code: "store_busy",
    });
  });
});
