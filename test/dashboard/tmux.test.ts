import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { moodfood, tempDataDir } from "../e2e/cli.js";
import { findService } from "../support/services.js";
import { TmuxSession } from "./tmux-session.js";

// The dashboard as a person drives it (issue 14): the built bin in a real terminal (tmux). On a read-only mount: tmux.sqlite.test.ts.
const tmux = findService("tmux", "the dashboard driven in a real terminal");
let dataDir = "";
const sessions: TmuxSession[] = [];
const open = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const session = new TmuxSession(tmux as string, ["--data-dir", dataDir, ...args], env);
  sessions.push(session);
  return session;
};
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

const number = (screen: string, pattern: RegExp): number => Number((pattern.exec(screen)?.[1] ?? "NaN").replace(/,/g, ""));

describe.skipIf(tmux === undefined)("moodfood dashboard in tmux, against a simulated store", () => {
  beforeAll(() => {
    dataDir = tempDataDir();
    const simulate = moodfood(["--data-dir", dataDir, "simulate", "--days", "2", "--per-day", "200"]);
    expect(simulate.status, simulate.stderr).toBe(0);
  });

  it("shows real numbers, a query from another process within two refreshes, and Enter / Esc / q work", async () => {
    const dash = open(["dashboard", "--refresh", "1"], { NO_COLOR: "1" });
    const first = await dash.waitFor((s) => s.includes("Recent traces"), 15_000);
    expect(number(first, /Decisions · ([\d,]+) queries/)).toBeGreaterThanOrEqual(150);
    expect(number(first, /calls ([\d,]+)/)).toBeGreaterThan(0);
    expect(number(first, /Feedback · ([\d,]+)/)).toBeGreaterThan(0);
    expect(first).toMatch(/p50 ≈[\d.]+ (µs|ms)/);
    expect(first).toMatch(/active mf-/);
    expect(first).toMatch(/ml_validated\s+\d+\.\d%\s+\d+/);
    expect(first).toContain("not checked yet"); // no `moodfood health` / `drift check` has run on this store

    const query = moodfood(["--data-dir", dataDir, "query", "--json", "tmux probe: sad and freezing"]);
    const asked = Date.now();
    const id = (JSON.parse(query.stdout) as { trace_id: string }).trace_id;
    await dash.waitFor((s) => s.includes(id.slice(0, 8)), 2 * 1000 + 500);
    expect(Date.now() - asked).toBeLessThanOrEqual(2 * 1000 + 500);
    expect(dash.screen()).toMatch(new RegExp(`› ${id.slice(0, 8)} .*tmux probe: sad and freezing`));

    dash.keys("Enter");
    const waterfall = await dash.waitFor((s) => s.includes(`Trace ${id}`), 3000);
    expect(waterfall).toMatch(/parse\s+ *█+/);
    expect(waterfall).toContain("Esc  back");
    dash.keys("Escape");
    await dash.waitFor((s) => s.includes("Recent traces"), 3000);
    dash.keys("q");
    const after = await dash.waitFor((s) => s.includes("EXIT="), 3000);
    expect(after).toContain("EXIT=0");
    expect(after).not.toContain("Recent traces"); // the alternate screen is gone: the terminal is as it was
  });

  it("colours only without NO_COLOR", async () => {
    const colourCode = /\u001b\[[0-9;]*(3[0-7]|9[0-7]|38;)[0-9;]*m/;
    const plain = open(["dashboard"], { NO_COLOR: "1" });
    await plain.waitFor((s) => s.includes("Recent traces"), 15_000);
    expect(plain.screen(true)).not.toMatch(colourCode);
    const coloured = open(["dashboard"]);
    await coloured.waitFor((s) => s.includes("Recent traces"), 15_000);
    expect(coloured.screen(true)).toMatch(colourCode);
  });
});
