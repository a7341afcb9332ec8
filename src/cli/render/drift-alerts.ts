import type { AlertJson } from "../../drift/alerts/alert-json.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { timestamp } from "./timestamp.js";

/** One row per alert: its latest severity (and the worst it reached, when that was higher), then why. */
export function renderAlerts({ alerts }: { alerts: AlertJson[] }, ctx: CliContext): string {
  const p = paint(ctx.color);
  if (alerts.length === 0) return "No open drift alerts.\n";
  const rows = alerts.map((a) => {
    const tone = a.severity === "medium" ? p.yellow : p.red;
    const explanation = typeof a.details.explanation === "string" ? a.details.explanation : "";
    const peak = typeof a.details.peak_severity === "string" && a.details.peak_severity !== a.severity ? a.details.peak_severity : null;
    const peakNote = peak ? `  (peak ${peak} at ${timestamp(String(a.details.peak_at))})` : "";
    return `${a.alert_id}  ${tone(a.severity.padEnd(8))} ${a.type.padEnd(10)} ${a.status.padEnd(12)} opened ${timestamp(a.opened_at)}, measured ${timestamp(a.updated_at)}${peakNote}\n    ${explanation}`;
  });
  return `${rows.join("\n")}\n`;
}
