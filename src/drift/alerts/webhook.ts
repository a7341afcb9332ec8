import { setTimeout as sleep } from "node:timers/promises";
import type { AlertRow } from "../../store/drift-queries.js";
import { alertToJson } from "./alert-json.js";

const ATTEMPTS = 3;
const TIMEOUT_MS = 3000;

/** MOODFOOD_ALERT_WEBHOOK_FORMAT: what the POST body looks like. */
export type WebhookFormat = "json" | "slack" | "discord";
export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ["json", "slack", "discord"];

export interface WebhookTarget {
  url: string;
  format: WebhookFormat;
}

/** One alert of any kind (drift, health): a sentence for chat, the structured event for machines. */
export interface WebhookMessage {
  /** For the warning line when delivery fails, e.g. "drift alert drift-1a2b". */
  subject: string;
  /** Where the stored record can be read, e.g. "moodfood drift alerts". */
  seeAlso: string;
  text: string;
  /** The plain-JSON body: `{"kind", "text", ...event}`. */
  event: Record<string, unknown> & { kind: string };
}

/** Slack `{"text"}`, Discord `{"content"}`, else the plain JSON event. */
export function webhookBody(format: WebhookFormat, message: WebhookMessage): Record<string, unknown> {
  if (format === "slack") return { text: message.text };
  if (format === "discord") return { content: message.text };
  return { ...message.event, text: message.text };
}

export function driftAlertMessage(alert: AlertRow): WebhookMessage {
  const { explanation } = JSON.parse(alert.details) as { explanation?: string };
  const text = `[moodfood] ${alert.severity.toUpperCase()} drift (${alert.type}) on model ${alert.model_version ?? "?"}: ${explanation ?? ""} (alert ${alert.alert_id})`;
  return {
    subject: `drift alert ${alert.alert_id}`,
    seeAlso: "moodfood drift alerts",
    text,
    event: { kind: "drift_alert", alert: alertToJson(alert) },
  };
}

/** POSTs one message with retries and a timeout; returns a warning sentence instead of throwing. */
export async function postWebhook(target: WebhookTarget, message: WebhookMessage, doFetch: typeof fetch = fetch): Promise<string | null> {
  let last = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const response = await doFetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(webhookBody(target.format, message)),
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
  return `Alert webhook failed for ${message.subject} (${last}); it is stored, see ${message.seeAlso}.`;
}

/** A drift alert, in the configured format. */
export const postAlert = (target: WebhookTarget, alert: AlertRow, doFetch: typeof fetch = fetch): Promise<string | null> =>
  postWebhook(target, driftAlertMessage(alert), doFetch);
