import type { WebhookMessage } from "../drift/alerts/webhook.js";
import type { HealthDocument } from "./health-document.js";
import type { OverallStatus } from "./types.js";

/** The webhook message for a change of overall status, naming the checks that are not passing. */
export function healthChangeMessage(doc: HealthDocument, previous: OverallStatus | undefined): WebhookMessage {
  const problems = Object.entries(doc.checks).flatMap(([key, [entry]]) =>
    entry && entry.status !== "pass" ? [{ check: key, status: entry.status, output: entry.output }] : [],
  );
  const from = previous ? `${previous} → ` : "";
  const why = problems.length ? `: ${problems.map((p) => `${p.check} ${p.status} (${p.output})`).join("; ")}` : "";
  return {
    subject: `health change to ${doc.overall_status}`,
    seeAlso: "moodfood health",
    text: `[moodfood] health ${from}${doc.overall_status.toUpperCase()} (score ${doc.score})${why}`,
    event: {
      kind: "health_status",
      previous_status: previous ?? null,
      overall_status: doc.overall_status,
      score: doc.score,
      checked_at: doc.checked_at,
      problems,
    },
  };
}
