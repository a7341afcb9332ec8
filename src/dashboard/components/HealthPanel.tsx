import type { HealthFacts } from "../../overview/dashboard-snapshot.js";
import { timestamp } from "../format.js";
import type { Tone } from "../hooks/use-palette.js";
import { Line } from "./Line.js";
import { Panel } from "./Panel.js";

const toneOf = (health: HealthFacts): Tone => {
  const status = health.status ?? "";
  if (status === "unhealthy" || status === "fail") return "bad";
  if (status === "degraded" || status === "warn") return "warn";
  if (status) return "good";
  return "accent";
};

/** The score `moodfood health` last cached (this panel does not run the checks itself). */
export function HealthPanel({ health, width }: { health: HealthFacts | null; width: number }) {
  if (!health)
    return (
      <Panel title="Health" width={width}>
        <Line tone="warn">not checked yet</Line>
        <Line>run moodfood health</Line>
      </Panel>
    );
  return (
    <Panel title="Health" width={width} tone={toneOf(health)}>
      <Line bold tone={toneOf(health)}>
        {Math.round(health.score)}/100{health.status ? ` ${health.status}` : ""}
      </Line>
      <Line tone="muted">checked {timestamp(health.checkedAt)}</Line>
      <Line tone="muted">moodfood health re-checks</Line>
    </Panel>
  );
}
