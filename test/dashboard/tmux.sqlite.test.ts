import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";
import { findService } from "../support/services.js";
import { TmuxSession } from "./tmux-session.js";

// The dashboard in a real terminal (tmux) on a read-only bind mount of the data dir: SQLite only, its store is the file there.
const tmux = findService("tmux", "the dashboard driven in a real terminal");
let dataDir = "";
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

const number = (screen: string, pattern: RegExp): number => Number((pattern.exec(screen)?.[1] ?? "NaN").replace(/,/g, ""));

describe.skipIf(tmux === undefined)("moodfood dashboard in tmux, against a simulated SQLite store", () => {
  beforeAll(() => {
    dataDir = tempDataDir();
    const simulate = moodfood(["--data-dir", dataDir, "simulate", "--days", "1", "--per-day", "50"]);
    expect(simulate.status, simulate.stderr).toBe(0);
  });

  it("works on a read-only mount of the store", async (context) => {
    const view = join(tempDataDir(), "ro");
    mkdirSync(view);
    const sh = (command: string) => spawnSync("sh", ["-c", command]).status === 0;
    if (!sh(`mount --bind ${dataDir} ${view} && mount -o remount,ro,bind ${view}`)) {
      console.warn("SKIPPED: the read-only dashboard check needs root and mount(8), which this machine refused.");
      return context.skip();
    }
    try {
      const dash = new TmuxSession(tmux as string, ["--data-dir", view, "dashboard"], { NO_COLOR: "1" });
      sessions.push(dash);
      const screen = await dash.waitFor((s) => s.includes("Recent traces"), 15_000);
      expect(number(screen, /Decisions · ([\d,]+) queries/)).toBeGreaterThan(0);
      dash.keys("q");
      expect(await dash.waitFor((s) => s.includes("EXIT="), 3000)).toContain("EXIT=0");
    } finally {
      for (const s of sessions.splice(0)) s.close();
      sh(`umount ${view}`);
    }
  });
});
