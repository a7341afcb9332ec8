import type { HealthDocument } from "../../health/health-document.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText } from "./terminal-text.js";

const NAGIOS = ["OK", "WARNING", "CRITICAL"] as const;

/** One line a check, then the score and what the exit code means. */
export function renderHealth(doc: HealthDocument, ctx: CliContext): string {
  const p = paint(ctx.color);
  const tone = (status: string) =>
    status === "fail" || status === "unhealthy" ? p.red : status === "warn" || status === "degraded" ? p.yellow : p.green;
  const width = Math.max(...Object.keys(doc.checks).map((k) => k.length));
  const lines = [`${p.bold("Health")} ${tone(doc.overall_status)(doc.overall_status.toUpperCase())}  score ${doc.score}/100`, ""];
  for (const [key, [entry]] of Object.entries(doc.checks)) {
    if (!entry) continue;
    lines.push(`${tone(entry.status)(entry.status.padEnd(4))}  ${key.padEnd(width)}  ${safeText(entry.output)}`);
  }
  lines.push(
    "",
    p.dim(
      `exit ${doc.exit_code} (${NAGIOS[doc.exit_code]}); ${doc.cached ? "stored for moodfood_system_health and the health history" : `not stored: ${whyNotStored(doc)}`}`,
    ),
  );
  return `${lines.join("\n")}\n`;
}

function whyNotStored(doc: HealthDocument): string {
  const status = (key: string) => doc.checks[key]?.[0]?.status;
  if (status("store:reachable") === "fail") return "the store cannot be read";
  if (status("store:writable") === "fail") return "the store cannot be written";
  if (status("store:integrity") === "fail") return "the store is damaged";
  if (status("store:schema_version") === undefined) return "no store yet";
  return "see the warning above";
}
