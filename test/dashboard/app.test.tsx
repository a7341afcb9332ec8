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
  /** Waits (up to 2 s) for the screen to show `pattern`: Ink draws at most 30 frames a second. */
  const shows = async (pattern: string | RegExp, present = true) => {
    const matches = () => (typeof pattern === "string" ? screen().includes(pattern) : pattern.test(screen())) === present;
    for (let waited = 0; waited < 2000 && !matches(); waited += 20) await tick(20);
    if (present) expect(screen()).toEqual(typeof pattern === "string" ? expect.stringContaining(pattern) : expect.stringMatching(pattern));
    else expect(matches()).toBe(true);
  };
  const selectedRow = () =>
    screen()
      .split("\n")
      .find((line) => line.startsWith("›")) ?? "";
  return { app, press, screen, selectedRow, source, shows };
}

describe("the dashboard app, driven by keys", () => {
  it("shows every panel, the trace list with the newest selected, and the key hints", async () => {
    const { selectedRow, shows } = await start();
    for (const title of ["Health", "Model", "Throughput", "Latency", "Decisions", "LLM", "Drift", "Feedback", "Recent traces"])
      await shows(title);
    expect(selectedRow()).toContain("00ab0000");
    await shows(/↑\/↓\s+select\s+Enter\s+waterfall\s+\/\s+filter\s+p\s+pause\s+\?\s+help\s+q\s+quit/);
    await shows("last 24 h (since");
  });

  it("↑/↓ move the selection; Enter opens the waterfall and Esc goes back", async () => {
    const { press, selectedRow, shows } = await start();
    await press(KEYS.down, KEYS.down);
    expect(selectedRow()).toContain("02ab0000");
    await press(KEYS.up);
    expect(selectedRow()).toContain("01ab0000");
    await press(KEYS.enter);
    await shows("Trace 01ab0000");
    await shows(/parse\s+█+\s+500 µs/);
    await shows(/recommend\s+█+\s+1\.50 ms/);
    await shows("Esc  back");
    await press(KEYS.escape);
    await shows("Recent traces");
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
    const { press, shows } = await start(fakeSource(snapshot({ recent })));
    await press("/", "decision:ml_only");
    await shows("/decision:ml_only");
    await press(KEYS.enter);
    await shows('filter "decision:ml_only": 1 of the 3 newest match');
    await shows("cold and tired");
    await shows("query number 0", false);
    await press("/", ...Array(16).fill(KEYS.backspace), "status:error", KEYS.enter);
    await shows("1 of the 3 newest match");
    await shows("query number 2");
    await press("/", ...Array(12).fill(KEYS.backspace), "nothing-like-this", KEYS.enter);
    await shows("no trace matches");
    await press(KEYS.escape);
    await shows("Recent traces · newest 3");
  });

  it("text pasted or typed fast into the filter lands whole; q and p in it are letters, not commands", async () => {
    const recent = [trace(0, { query: "quiet pasta please" }), trace(1, { decision: "llm_fallback" })];
    const { press, shows } = await start(fakeSource(snapshot({ recent })));
    await press("/", "qp", "llm_fallback\r");
    await shows('filter "qpllm_fallback": 0 of the 2 newest match');
    await press("/", KEYS.backspace.repeat(1));
    await press(...Array(13).fill(KEYS.backspace), "pasta\r");
    await shows('filter "pasta": 1 of the 2 newest match');
    await shows("PAUSED", false);
  });

  it("p pauses refreshing and says so; p again resumes", async () => {
    const source = fakeSource();
    const { press, shows } = await start(source, 20);
    await press("p");
    await shows("PAUSED (p resumes)");
    await tick(60); // a refresh already under way when p was pressed may still land
    const reads = source.reads;
    await tick(120);
    expect(source.reads).toBe(reads);
    await press("p");
    await tick(120);
    expect(source.reads).toBeGreaterThan(reads);
    await shows("PAUSED", false);
  });

  it("? shows the help; Esc closes it", async () => {
    const { press, shows } = await start();
    await press("?");
    await shows("Keys");
    await shows("open the selected trace's waterfall");
    await press(KEYS.escape);
    await shows("Recent traces");
  });

  it("adapts to the terminal: 1 to 4 panels per row by width", () => {
    expect([60, 80, 100, 120, 140, 200].map((columns) => gridLayout(columns).perRow)).toEqual([1, 2, 2, 3, 4, 4]);
  });

  it("leaves out panel rows on a short terminal, and says so", async () => {
    const { app, screen, shows } = await start(fakeSource(), 60_000, 24);
    await shows(/\d panels hidden \(terminal too short\)/);
    await shows("Recent traces");
    expect(screen().split("\n").length).toBeLessThanOrEqual(24);
    await resize(app.stdout, 60);
    await shows("hidden", false);
  });

  it("says which day it shows when the last 24 h are empty", async () => {
    const window = {
      kind: "latest_day_with_data" as const,
      start: NOW - 72 * 3_600_000,
      end: NOW - 48 * 3_600_000,
      fromHour: 0,
      toHour: 23,
    };
    const { shows } = await start(fakeSource(snapshot({ window })));
    await shows("latest day with data (none in the last 24 h): 2026-11-17T12:30:00Z → 2026-11-18T12:30:00Z");
  });

  it("an empty store says how to create data", async () => {
    const window = { kind: "empty" as const, start: NOW, end: NOW, fromHour: 0, toHour: 0 };
    const { shows } = await start(fakeSource(snapshot({ window, recent: [] })));
    await shows("No queries in this store yet");
    await shows("moodfood --data-dir '/tmp/mf data' demo");
  });
});
