import type { AlertJson } from "../../drift/alerts/alert-json.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";

export function renderAlerts({ alerts }: { alerts: AlertJson[] }, ctx: CliContext): string {
  const p = paint(ctx.color);
  if (alerts.length === 0) return "No open drift alerts.\n";
  const rows = alerts.map((a) => {
    const tone = a.severity === "medium" ? p.yellow : p.red;
    const explanation = typeof a.details.explanation === "string" ? a.details.explanation : "";
    return `${a.alert_id}  ${tone(a.severity.padEnd(8))} ${a.type.padEnd(10)} ${a.status.padEnd(12)} ${a.opened_at?.slice(0, 16).replace("T", " ")}\n    ${explanation}`;
  });
  return `${rows.join("\n")}\n`;
}
