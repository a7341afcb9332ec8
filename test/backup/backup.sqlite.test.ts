import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/store.js";
import { BIN, cleanEnv, moodfood, moodfoodAsync, tempDataDir } from "../e2e/cli.js";

/** The backup file as a data dir of its own, opened as moodfood opens a store: its trace count and integrity. */
async function openCopy(file: string): Promise<{ traces: number; healthy: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), "mf-restored-"));
  copyFileSync(file, join(dir, "moodfood.db"));
  const store = await openStore(dir, { readonly: true });
  try {
    return { traces: await store.traces.count(), healthy: true };
  } finally {
    await store.close();
  }
}

/** Traces in a data dir's store, read through SQLite (a copy of the main file alone would miss the WAL). */
async function liveCount(dataDir: string): Promise<number> {
  const store = await openStore(dataDir, { readonly: true });
  try {
    return await store.traces.count();
  } finally {
    await store.close();
  }
}

function seeded(queries: number): string {
  const dir = tempDataDir();
  for (let i = 0; i < queries; i++) expect(moodfood(["--data-dir", dir, "query", `sad and cold ${i}`]).status).toBe(0);
  return dir;
}

describe("moodfood backup", () => {
  const dataDir = seeded(4);

  it("copies the store to a file that opens as a moodfood store with the same trace count", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "mf-backup-")), "copy.db");
    const { status, stdout } = moodfood(["--data-dir", dataDir, "backup", target, "--json"]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ path: target, traces: 4, bytes: statSync(target).size });
    expect(await openCopy(target)).toEqual({ traces: 4, healthy: true });
    // One self-contained file: no -wal, -shm or temporary directory left beside it.
    expect(readdirSync(join(target, ".."))).toEqual(["copy.db"]);
  });

  it("prints path, size and trace count for humans", () => {
    const target = join(mkdtempSync(join(tmpdir(), "mf-backup-")), "copy.db");
    const { status, stdout } = moodfood(["--data-dir", dataDir, "backup", target]);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Backed up 4 traces to ${target} \\(\\d+\\.\\d KiB, schema \\d+\\)\\.\\n$`));
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "mf-backup-")), "precious.db");
    writeFileSync(target, "keep me");
    const refused = moodfood(["--data-dir", dataDir, "backup", target]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already exists; choose another file or pass --force/);
    expect(readFileSync(target, "utf8")).toBe("keep me");
    const forced = moodfood(["--data-dir", dataDir, "backup", target, "--force"]);
    expect(forced.status).toBe(0);
    expect((await openCopy(target)).traces).toBe(4);
  });

  it("never writes over the store itself, even with --force", async () => {
    const { status, stderr } = moodfood(["--data-dir", dataDir, "backup", join(dataDir, "moodfood.db"), "--force"]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/is the store itself/);
    expect(await liveCount(dataDir)).toBe(4);
  });

  it.each([
    ["no store in the data dir", () => ["--data-dir", tempDataDir(), "backup", join(tempDataDir(), "x.db")], 1, /no store to back up/],
    ["a directory that does not exist", () => ["--data-dir", dataDir, "backup", "/nonexistent-dir/x.db"], 1, /directory .* does not exist/],
    ["no file argument", () => ["--data-dir", dataDir, "backup"], 2, /Missing required argument .file./],
  ])("fails with one line on %s", (_name, args, exit, message) => {
    const { status, stderr, stdout } = moodfood(args());
    expect(status).toBe(exit);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
  });

  it("is consistent while another process writes, and does not stop the writer", async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    const writer = spawn(process.execPath, [BIN, "--data-dir", dir, "simulate", "--days", "2", "--per-day", "1000", "--json"], {
      env: { ...cleanEnv(), NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const finished = new Promise<number | null>((resolve) => writer.on("close", resolve));
    let running = true;
    void finished.then(() => (running = false));
    const outDir = mkdtempSync(join(tmpdir(), "mf-backup-live-"));
    const counts: number[] = [];
    for (let i = 0; running || i === 0; i++) {
      const target = join(outDir, `b${i}.db`);
      const result = await moodfoodAsync(["--data-dir", dir, "backup", target, "--json"]);
      if (result.status !== 0 && /no store to back up/.test(result.stderr)) continue; // simulate has not created it yet
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      const { traces } = JSON.parse(result.stdout);
      expect((await openCopy(target)).traces).toBe(traces);
      counts.push(traces);
    }
    expect(await finished).toBe(0);
    const total = await liveCount(dir);
    expect(total).toBe(2000);
    // At least one copy was taken mid-write: a snapshot, neither empty nor complete.
    expect(counts.some((n) => n > 0 && n < total)).toBe(true);
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(counts.every((n, i) => n <= total && (i === 0 || n >= (counts[i - 1] as number)))).toBe(true);
    expect(readdirSync(outDir).every((name) => /^b\d+\.db$/.test(name))).toBe(true);
  }, 90_000); // 2,000 simulated queries beside repeated backups: over 20 s on a loaded 2-core machine
});
