import { setTimeout as sleep } from "node:timers/promises";
import type { AlertRow } from "../../store/drift-queries.js";

const ATTEMPTS = 3;
const TIMEOUT_MS = 3000;

/** Slack/Discord-compatible payload: `text` for chat, `alert` for machines. */
export function alertPayload(alert: AlertRow): { text: string; content: string; alert: AlertRow } {
  const { explanation } = JSON.parse(alert.details) as { explanation?: string };
  const text = `[moodfood] ${alert.severity.toUpperCase()} drift (${alert.type}) on model ${alert.model_version ?? "?"}: ${explanation ?? ""} (alert ${alert.alert_id})`;
  return { text, content: text, alert };
}

/** POSTs one alert with retries and a timeout; returns a warning sentence instead of throwing. */
export async function postAlert(url: string, alert: AlertRow, doFetch: typeof fetch = fetch): Promise<string | null> {
  let last = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(alertPayload(alert)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.ok) return null;
      last = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) break; // a client error will not fix itself
    } catch (error) {
      last = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.name : "network error");
    }
    if (attempt < ATTEMPTS) await sleep(250 * 2 ** (attempt - 1));
  }
  return `Alert webhook failed for ${alert.alert_id} (${last}); the alert is stored, see moodfood drift alerts.`;
}
