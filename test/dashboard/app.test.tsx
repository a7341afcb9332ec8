import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/dashboard/components/App.js";
import { gridLayout } from "../../src/dashboard/components/PanelGrid.js";
import { fakeSource, NOW, snapshot, trace } from "./fake-source.js";

const KEYS = { up: "\u001B[A", down: "\u001B[B", enter: "\r", escape: "\u001B", backspace: "\u007F" };
const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

let unmount: (() => void) | undefined;

async function resize(stdout: NodeJS.EventEmitter, rows: number) {
  await tick(); // the size hook subscribes in an effect, after the first frame
  Object.assign(stdout, { rows });
  stdout.emit("resize");
  await tick();
}
afterEach(() => unmount?.());

/** Renders the app on a 100 × 40 terminal (ink-testing-library's stdout has 100 columns and no rows). */
async function start(source = fakeSource(), refreshMs = 60_000, rows = 40) {
  const app = render(<App source={source} refreshMs={refreshMs} color={false} dataDir="/tmp/mf data" now={() => NOW} />);
  unmount = app.unmount;
  await resize(app.stdout, rows);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await tick();
    }
  };
  const screen = () => app.lastFrame() ?? "";
  const selectedRow = () =>
    screen()
      .split("\n")
      .find((line) => line.startsWith("›")) ?? "";
  return { app, press, screen, selectedRow, source };
}

describe("the dashboard app, driven by keys", () => {
  it("shows every panel, the trace list with the newest selected, and the key hints", async () => {
    const { screen, selectedRow } = await start();
    for (const title of ["Health", "Model", "Throughput", "Latency", "Decisions", "LLM", "Drift", "Feedback", "Recent traces"])
      expect(screen()).toContain(title);
    expect(selectedRow()).toContain("00ab0000");
    expect(screen()).toMatch(/↑\/↓\s+select\s+Enter\s+waterfall\s+\/\s+filter\s+p\s+pause\s+\?\s+help\s+q\s+quit/);
    expect(screen()).toContain("last 24 h (since");
  });

  it("↑/↓ move the selection; Enter opens the waterfall and Esc goes back", async () => {
    const { press, screen, selectedRow } = await start();
    await press(KEYS.down, KEYS.down);
    expect(selectedRow()).toContain("02ab0000");
    await press(KEYS.up);
    expect(selectedRow()).toContain("01ab0000");
    await press(KEYS.enter);
    expect(screen()).toContain("Trace 01ab0000");
    expect(screen()).toMatch(/parse\s+█+\s+500 µs/);
    expect(screen()).toMatch(/recommend\s+█+\s+1\.50 ms/);
    expect(screen()).toContain("Esc  back");
    await press(KEYS.escape);
    expect(screen()).toContain("Recent traces");
    expect(selectedRow()).toContain("01ab0000");
  });

  it("keeps the chosen trace selected when new traces arrive on top", async () => {
    const source = fakeSource();
    const { press, selectedRow } = await start(source, 20);
    await press(KEYS.down);
    source.frame = snapshot({ recent: [trace(-1), ...snapshot().recent] });
    await tick(80);
    expect(selectedRow()).toContain("01ab0000");
  });

  it("/ filters the list by text, decision or status; Esc clears it", async () => {
    const recent = [trace(0), trace(1, { decision: "ml_only", query: "cold and tired" }), trace(2, { status: "error" })];
    const { press, screen } = await start(fakeSource(snapshot({ recent })));
    await press("/", "decision:ml_only");
    expect(screen()).toContain("/decision:ml_only");
    await press(KEYS.enter);
    expect(screen()).toContain('filter "decision:ml_only": 1 of the 3 newest match');
    expect(screen()).toContain("cold and tired");
    expect(screen()).not.toContain("query number 0");
    await press("/", ...Array(16).fill(KEYS.backspace), "status:error", KEYS.enter);
    expect(screen()).toContain("1 of the 3 newest match");
    expect(screen()).toContain("query number 2");
    await press("/", ...Array(12).fill(KEYS.backspace), "nothing-like-this", KEYS.enter);
    expect(screen()).toContain("no trace matches");
    await press(KEYS.escape);
    expect(screen()).toContain("Recent traces · newest 3");
  });

  it("p pauses refreshing and says so; p again resumes", async () => {
    const source = fakeSource();
    const { press, screen } = await start(source, 20);
    await press("p");
    expect(screen()).toContain("PAUSED (p resumes)");
    const reads = source.reads;
    await tick(120);
    expect(source.reads).toBe(reads);
    await press("p");
    await tick(120);
    expect(source.reads).toBeGreaterThan(reads);
    expect(screen()).not.toContain("PAUSED");
  });

  it("? shows the help; Esc closes it", async () => {
    const { press, screen } = await start();
    await press("?");
    expect(screen()).toContain("Keys");
    expect(screen()).toContain("open the selected trace's waterfall");
    await press(KEYS.escape);
    expect(screen()).toContain("Recent traces");
  });

  it("adapts to the terminal: 1 to 4 panels per row by width", () => {
    expect([60, 80, 100, 120, 140, 200].map((columns) => gridLayout(columns).perRow)).toEqual([1, 2, 2, 3, 4, 4]);
  });

  it("leaves out panel rows on a short terminal, and says so", async () => {
    const { app, screen } = await start(fakeSource(), 60_000, 24);
    expect(screen()).toMatch(/\d panels hidden \(terminal too short\)/);
    expect(screen()).toContain("Recent traces");
    expect(screen().split("\n").length).toBeLessThanOrEqual(24);
    await resize(app.stdout, 60);
    expect(screen()).not.toContain("hidden");
  });

  it("says which day it shows when the last 24 h are empty", async () => {
    const window = {
      kind: "latest_day_with_data" as const,
      start: NOW - 72 * 3_600_000,
      end: NOW - 48 * 3_600_000,
      fromHour: 0,
      toHour: 23,
    };
    const { screen } = await start(fakeSource(snapshot({ window })));
    expect(screen()).toContain("latest day with data (none in the last 24 h): 2026-11-17T12:30:00Z → 2026-11-18T12:30:00Z");
  });

  it("an empty store says how to create data", async () => {
    const window = { kind: "empty" as const, start: NOW, end: NOW, fromHour: 0, toHour: 0 };
    const { screen } = await start(fakeSource(snapshot({ window, recent: [] })));
    expect(screen()).toContain("No queries in this store yet");
    expect(screen()).toContain("moodfood --data-dir '/tmp/mf data' demo");
  });
});
