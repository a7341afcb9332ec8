import { type CheckResult, type HealthInputs, notChecked, storeOf } from "../types.js";

const SERIOUS = new Set(["high", "critical"]);

/** drift: unresolved high/critical drift alerts degrade (medium ones are counted in the line, not judged). */
export async function driftCheck(inputs: HealthInputs): Promise<CheckResult> {
  const store = storeOf(inputs);
  if (!store) return notChecked("drift", "open_alerts", "alerts live in the store, which cannot be read");
  const alerts = await store.health.unresolvedAlerts();
  const serious = alerts.filter((a) => SERIOUS.has(a.severity));
  const others = alerts.length - serious.length;
  const also = others > 0 ? `; ${others} lower-severity alert${others === 1 ? "" : "s"} unresolved` : "";
  if (serious.length === 0) {
    return {
      component: "drift",
      measurement: "open_alerts",
      status: "pass",
      observed_value: 0,
      output: `no high or critical drift alert unresolved${also}`,
    };
  }
  const list = serious.map((a) => `${a.severity} ${a.type}${a.status === "acknowledged" ? " (acknowledged)" : ""}`).join(", ");
  return {
    component: "drift",
    measurement: "open_alerts",
    status: "warn",
    observed_value: serious.length,
    output: `${serious.length} unresolved high/critical drift alert${serious.length === 1 ? "" : "s"}: ${list}${also}; see moodfood drift alerts`,
  };
}
