import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { driftAlertMessage, postAlert, webhookBody } from "../../src/drift/alerts/webhook.js";
import type { AlertRow } from "../../src/store/drift-queries.js";

const alert: AlertRow = {
  alert_id: "drift-1a2b",
  type: "confidence",
  severity: "high",
  status: "open",
  opened_at: Date.parse("2026-11-02T10:00:00Z"),
  updated_at: Date.parse("2026-11-02T10:00:00Z"),
  acknowledged_at: null,
  resolved_at: null,
  model_version: "mf-1",
  score: 0.31,
  threshold: 0.1,
  details: JSON.stringify({ explanation: "confidence fell" }),
};

describe("alert webhook payloads (MOODFOOD_ALERT_WEBHOOK_FORMAT)", () => {
  const text = "[moodfood] HIGH drift (confidence) on model mf-1: confidence fell (alert drift-1a2b)";

  it("slack gets {text}, discord {content}, json the whole event with its text", () => {
    const message = driftAlertMessage(alert);
    expect(webhookBody("slack", message)).toEqual({ text });
    expect(webhookBody("discord", message)).toEqual({ content: text });
    expect(webhookBody("json", message)).toMatchObject({
      kind: "drift_alert",
      text,
      alert: {
        alert_id: "drift-1a2b",
        severity: "high",
        opened_at: "2026-11-02T10:00:00.000Z",
        details: { explanation: "confidence fell" },
      },
    });
  });

  it("drift alerts are posted in the configured format", async () => {
    const sent: unknown[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    expect(await postAlert({ url: "http://hook", format: "discord" }, alert, fakeFetch)).toBeNull();
    expect(sent).toEqual([{ content: text }]);
  });

  it("the format is validated when the config loads, defaulting to json", () => {
    expect(loadConfig({ env: {} }).alertWebhookFormat).toBe("json");
    expect(loadConfig({ env: { MOODFOOD_ALERT_WEBHOOK_FORMAT: "slack" } }).alertWebhookFormat).toBe("slack");
    expect(() => loadConfig({ env: { MOODFOOD_ALERT_WEBHOOK_FORMAT: "Slack" } })).toThrow(
      /MOODFOOD_ALERT_WEBHOOK_FORMAT="Slack" is invalid/,
    );
  });
});
