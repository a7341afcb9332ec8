import type { DashboardSnapshot } from "../../overview/dashboard-snapshot.js";
import { count, sparkline, timeOfDay } from "../format.js";
import { Line } from "./Line.js";
import { innerWidth, Panel } from "./Panel.js";

/** Queries started per minute over the last hour of the window, as a sparkline. */
export function ThroughputPanel({ throughput, width }: { throughput: DashboardSnapshot["throughput"]; width: number }) {
  const perMinute = throughput.total / 60;
  return (
    <Panel title="Throughput · last hour" width={width}>
      <Line tone="accent">{sparkline(throughput.perMinute, innerWidth(width))}</Line>
      <Line>
        {count(throughput.total)} queries · {perMinute.toFixed(perMinute < 10 ? 1 : 0)}/min
      </Line>
      <Line tone="muted">
        {timeOfDay(throughput.since)} → {timeOfDay(throughput.until)}
      </Line>
    </Panel>
  );
}
