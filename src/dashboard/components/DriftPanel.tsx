import type { DriftFacts } from "../../overview/dashboard-snapshot.js";
import { timestamp } from "../format.js";
import type { Tone } from "../hooks/use-palette.js";
import { Line } from "./Line.js";
import { Panel } from "./Panel.js";

const toneOf = (severity: string): Tone | undefined =>
  severity === "high" || severity === "critical" ? "bad" : severity === "medium" ? "warn" : severity === "none" ? "good" : undefined;

/** The latest stored `drift check` and the most recently opened alert. */
export function DriftPanel({ drift, width }: { drift: DriftFacts; width: number }) {
  const check = drift.lastCheck;
  const alert = drift.lastAlert;
  return (
    <Panel title="Drift" width={width} tone={check ? toneOf(check.severity) : undefined}>
      {check ? (
        <>
          <Line tone={toneOf(check.severity)}>
            {check.severity.replace("_", " ")}
            {check.score === null ? "" : ` · score ${check.score.toFixed(3)}`}
          </Line>
          <Line tone="muted">checked {timestamp(check.checkedAt)}</Line>
        </>
      ) : (
        <>
          <Line tone="warn">not checked yet</Line>
          <Line>run moodfood drift check</Line>
        </>
      )}
      {alert ? (
        <Line tone={alert.status === "resolved" ? "muted" : toneOf(alert.severity)}>
          last alert {alert.type} {alert.severity} {alert.status}
        </Line>
      ) : (
        <Line tone="muted">no alerts</Line>
      )}
      <Line tone="muted">{alert ? `opened ${timestamp(alert.openedAt)} · ${drift.openAlerts} open` : ""}</Line>
    </Panel>
  );
}
