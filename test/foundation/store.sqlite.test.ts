import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { openStore } from "../../src/store/store.js";

// SQLite only: the database file's own pragmas (user_version, WAL, incremental auto-vacuum).
describe("the SQLite store file", () => {
  it("migrates a data dir once and reopens it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mf-store-"));
    await (await openStore(dir)).close();
    await (await openStore(dir)).close();
    const raw = new Database(join(dir, "moodfood.db"), { readonly: true });
    expect(raw.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.pragma("auto_vacuum", { simple: true })).toBe(2);
    raw.close();
  });
});
