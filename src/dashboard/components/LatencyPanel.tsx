import type { DashboardSnapshot } from "../../overview/dashboard-snapshot.js";
import { count, ms, share } from "../format.js";
import { Line } from "./Line.js";
import { Panel } from "./Panel.js";

interface Props {
  latency: DashboardSnapshot["latency"];
  queries: DashboardSnapshot["queries"];
  width: number;
}

/** Whole-query latency percentiles, interpolated inside the stored histogram buckets (hence ≈). */
export function LatencyPanel({ latency, queries, width }: Props) {
  const beyond = latency?.beyondLastBucket ? ">" : "≈";
  return (
    <Panel title="Latency" width={width}>
      {latency ? (
        <>
          <Line>
            p50 {beyond}
            {ms(latency.p50)} p95 {beyond}
            {ms(latency.p95)}
          </Line>
          <Line>
            p99 {beyond}
            {ms(latency.p99)} <Line tone="muted">(n={count(latency.count)})</Line>
          </Line>
        </>
      ) : (
        <Line tone="muted">no queries in the window</Line>
      )}
      <Line tone={queries.errors > 0 ? "bad" : undefined}>
        errors {count(queries.errors)} ({share(queries.errors, queries.total)})
      </Line>
    </Panel>
  );
}
