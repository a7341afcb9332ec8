import type { PanelWindow } from "./dashboard-snapshot.js";

export const HOUR_MS = 3_600_000;
const HOURS = 24;

/**
 * The last 24 h (the current hour and the 23 before it) when they hold data; else the 24 hours
 * ending with the newest hour that does, so a store filled last week still shows its numbers.
 */
export function panelWindow(now: number, newestHour: number | undefined): PanelWindow {
  const currentHour = Math.floor(now / HOUR_MS);
  const recent = { fromHour: currentHour - HOURS + 1, toHour: currentHour };
  if (newestHour === undefined) return { kind: "empty", start: recent.fromHour * HOUR_MS, end: now, ...recent };
  if (newestHour >= recent.fromHour) return { kind: "last_24h", start: recent.fromHour * HOUR_MS, end: now, ...recent };
  const fromHour = newestHour - HOURS + 1;
  return { kind: "latest_day_with_data", start: fromHour * HOUR_MS, end: (newestHour + 1) * HOUR_MS, fromHour, toHour: newestHour };
}
