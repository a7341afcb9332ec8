import { Line } from "./Line.js";
import { Panel } from "./Panel.js";

/** The active model version, and the A/B candidate when one is named. */
export function ModelPanel({ models, width }: { models: { active: string | null; candidate: string | null }; width: number }) {
  return (
    <Panel title="Model" width={width}>
      <Line>
        active <Line bold>{models.active ?? "unknown"}</Line>
      </Line>
      {models.candidate ? <Line>candidate {models.candidate}</Line> : <Line tone="muted">no A/B candidate</Line>}
    </Panel>
  );
}
