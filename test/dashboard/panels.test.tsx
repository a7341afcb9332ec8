import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { DecisionPanel } from "../../src/dashboard/components/DecisionPanel.js";
import { DriftPanel } from "../../src/dashboard/components/DriftPanel.js";
import { FeedbackPanel } from "../../src/dashboard/components/FeedbackPanel.js";
import { HealthPanel } from "../../src/dashboard/components/HealthPanel.js";
import { LatencyPanel } from "../../src/dashboard/components/LatencyPanel.js";
import { LlmPanel } from "../../src/dashboard/components/LlmPanel.js";
import { ModelPanel } from "../../src/dashboard/components/ModelPanel.js";
import { ThroughputPanel } from "../../src/dashboard/components/ThroughputPanel.js";
import { TraceList } from "../../src/dashboard/components/TraceList.js";
import { NOW, snapshot, trace } from "./fake-source.js";

const frame = (element: React.ReactElement): string => {
  const app = render(element);
  const text = app.lastFrame() ?? "";
  app.unmount();
  return text;
};
const s = snapshot();
const W = 44;

describe("dashboard panels show the numbers of the frame", () => {
  it("health: score and status, or how to get one", () => {
    expect(frame(<HealthPanel health={s.health} width={W} />)).toMatch(/87\/100 healthy[\s\S]*checked 2026-11-20T12:29:00Z/);
    const none = frame(<HealthPanel health={null} width={W} />);
    expect(none).toContain("not checked yet");
    expect(none).toContain("run moodfood health");
  });

  it("model: the active version, the candidate only when there is one", () => {
    expect(frame(<ModelPanel models={{ active: "mf-active01", candidate: null }} width={W} />)).toMatch(
      /active mf-active01[\s\S]*no A\/B candidate/,
    );
    expect(frame(<ModelPanel models={{ active: "mf-a", candidate: "mf-b" }} width={W} />)).toContain("candidate mf-b");
  });

  it("throughput: a sparkline of the last hour and its total", () => {
    const text = frame(<ThroughputPanel throughput={s.throughput} width={W} />);
    expect(text).toMatch(/[▁▂▃▄▅▆▇█]/);
    expect(text).toContain(`${s.throughput.total} queries`);
    expect(text).toContain("11:30:00Z → 12:30:00Z");
  });

  it("latency: p50/p95/p99 from the buckets, and the error count", () => {
    const text = frame(<LatencyPanel latency={s.latency} queries={s.queries} width={W} />);
    expect(text).toMatch(/p50 ≈420 µs p95 ≈3\.10 ms/);
    expect(text).toMatch(/p99 ≈12\.5 ms \(n=1,000\)/);
    expect(text).toContain("errors 7 (0.7%)");
    expect(frame(<LatencyPanel latency={null} queries={{ total: 0, errors: 0, byDecision: {} }} width={W} />)).toContain("no queries");
  });

  it("decisions: the contract's names with shares and counts", () => {
    const text = frame(<DecisionPanel queries={s.queries} width={W} />);
    expect(text).toContain("Decisions · 1,000 queries");
    for (const [name, line] of [
      ["ml_validated", /ml_validated\s+70\.0%\s+700/],
      ["llm_fallback", /llm_fallback\s+20\.0%\s+200/],
      ["ml_only", /ml_only\s+6\.0%\s+60/],
      ["default_fallback", /default_fallback\s+4\.0%\s+40/],
    ] as const)
      expect(text, name).toMatch(line);
  });

  it("LLM: calls, failures by reason and each circuit", () => {
    const text = frame(<LlmPanel llm={s.llm} width={W} />);
    expect(text).toContain("calls 950 · failed 19 (2.0%)");
    expect(text).toContain("timeout 12 · http_5xx 7");
    expect(text).toContain("circuit: none (local provider)");
    const open = { ...s.llm, circuits: [{ model: "gpt-4o-mini", state: "open" as const, failures: 5, openedAt: NOW }] };
    expect(frame(<LlmPanel llm={open} width={W} />)).toContain("circuit open · gpt-4o-mini · 5 failures");
  });

  it("drift: the last check and the last alert, or how to run one", () => {
    const text = frame(<DriftPanel drift={s.drift} width={W} />);
    expect(text).toContain("high · score 0.314");
    expect(text).toContain("last alert label_distribution high open");
    const none = frame(<DriftPanel drift={{ lastCheck: null, lastAlert: null, openAlerts: 0 }} width={W} />);
    expect(none).toMatch(/not checked yet[\s\S]*run moodfood drift check[\s\S]*no alerts/);
  });

  it("feedback: sentiment shares and the average rating", () => {
    const text = frame(<FeedbackPanel feedback={s.feedback} width={W} />);
    expect(text).toMatch(/Feedback · 40[\s\S]*positive 75\.0%[\s\S]*neutral 10\.0%[\s\S]*negative 15\.0%/);
    expect(text).toContain("avg rating 4.25/5 (16 rated)");
    expect(frame(<FeedbackPanel feedback={{ ...s.feedback, total: 0 }} width={W} />)).toContain("no feedback in the window");
  });

  it("recent traces: 8-character id, query start, decision, duration; the newest selected", () => {
    const long = trace(9, { query: `very long query ${"x".repeat(300)}`, decision: "llm_fallback", durationMs: 12.25, status: "error" });
    const text = frame(<TraceList traces={[long, ...s.recent]} selectedIndex={0} height={10} columns={100} filter="" searched={6} />);
    const first = text.split("\n").find((l) => l.startsWith("›")) ?? "";
    expect(first).toMatch(/^› 09ab0000 \S+Z very long query x+… llm_fallback\s+12\.3 ms error$/);
    expect(text).not.toContain("09ab00000");
  });
});
