import { type DashboardSnapshot, DECISIONS } from "../../overview/dashboard-snapshot.js";
import { count, share } from "../format.js";
import { Line } from "./Line.js";
import { Panel } from "./Panel.js";

/** How queries were decided (contract names), with counts and shares of all queries in the window. */
export function DecisionPanel({ queries, width }: { queries: DashboardSnapshot["queries"]; width: number }) {
  return (
    <Panel title={`Decisions · ${count(queries.total)} queries`} width={width}>
      {DECISIONS.map((decision) => {
        const n = queries.byDecision[decision] ?? 0;
        return (
          <Line key={decision} tone={decision === "default_fallback" && n > 0 ? "warn" : undefined}>
            {decision.padEnd(17)}
            {share(n, queries.total).padStart(6)} {count(n).padStart(7)}
          </Line>
        );
      })}
    </Panel>
  );
}
