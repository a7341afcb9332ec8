import { UserError } from "../../errors.js";
import type { Store } from "../../store/store.js";
import { type AlertJson, alertToJson } from "./alert-json.js";

/** Acknowledges an open alert by id or unique prefix; acknowledged alerts still resolve on their own. */
export async function acknowledgeAlert(store: Store, idOrPrefix: string, now: number): Promise<AlertJson> {
  const matches = await store.drift.findAlerts(idOrPrefix.trim());
  const [alert] = matches;
  if (!alert) throw new UserError("alert_not_found", `No drift alert with id "${idOrPrefix}"; see moodfood drift alerts.`);
  if (matches.length > 1)
    throw new UserError(
      "ambiguous_alert_id",
      `Alert id "${idOrPrefix}" matches ${matches.map((a) => a.alert_id).join(", ")}; give more characters.`,
    );
  if (alert.status === "resolved") throw new UserError("alert_resolved", `Alert ${alert.alert_id} is already resolved.`);
  if (alert.status === "open") await store.transaction(() => store.drift.acknowledgeAlert(alert.alert_id, now));
  return alertToJson((await store.drift.findAlerts(alert.alert_id))[0] ?? alert);
}
