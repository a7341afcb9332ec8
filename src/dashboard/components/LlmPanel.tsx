import type { CircuitFacts, DashboardSnapshot } from "../../overview/dashboard-snapshot.js";
import { count, share } from "../format.js";
import type { Tone } from "../hooks/use-palette.js";
import { Line } from "./Line.js";
import { Panel } from "./Panel.js";

const CIRCUIT_TONE: Record<CircuitFacts["state"], Tone> = { closed: "good", open: "bad", half_open: "warn" };

/** LLM calls and failures (by reason) in the window, and each configured model's shared circuit breaker. */
export function LlmPanel({ llm, width }: { llm: DashboardSnapshot["llm"]; width: number }) {
  const reasons = Object.entries(llm.errorsByReason)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, n]) => `${reason} ${count(n)}`)
    .join(" · ");
  return (
    <Panel title="LLM" width={width} tone={llm.circuits.some((c) => c.state !== "closed") ? "bad" : undefined}>
      <Line>
        calls {count(llm.calls)} · failed {count(llm.errors)} ({share(llm.errors, llm.calls)})
      </Line>
      <Line tone="muted">{reasons || "no failed calls"}</Line>
      {llm.circuits.length === 0 ? (
        <Line tone="muted">circuit: none (local provider)</Line>
      ) : (
        llm.circuits.slice(0, 2).map((c) => (
          <Line key={c.model} tone={CIRCUIT_TONE[c.state]}>
            circuit {c.state.replace("_", "-")} · {c.model}
            {c.failures > 0 ? ` · ${c.failures} failures` : ""}
          </Line>
        ))
      )}
    </Panel>
  );
}
