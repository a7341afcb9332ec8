import type { LlmCheckResult } from "../../pipeline/providers/llm-check.js";
import type { CliContext } from "../context.js";
import { paint } from "./paint.js";
import { safeText } from "./terminal-text.js";
import { timestamp } from "./timestamp.js";

/** The verdict line first (what a script or a tired operator reads), then what was called and the circuit. */
export function renderLlmCheck(r: LlmCheckResult, ctx: CliContext): string {
  const p = paint(ctx.color);
  const verdict = r.ok ? p.green("ok") : p.red("failed");
  const lines = [`${p.bold("LLM check")} ${verdict}: ${safeText(r.message)}`];
  const row = (name: string, value: string) => lines.push(`  ${name.padEnd(9)} ${value}`);
  row("provider", `${r.provider}, model ${safeText(r.model)}`);
  if (r.endpoint !== null) row("endpoint", `${safeText(r.endpoint)} (API key ${r.api_key})`);
  row("latency", `${r.latency_ms} ms (budget ${r.timeout_ms} ms)`);
  row("output", output(r));
  if (!r.local) row("circuit", circuit(r));
  return `${lines.join("\n")}\n`;
}

function output(r: LlmCheckResult): string {
  if (r.validated) {
    const labels = r.labels.length > 0 ? r.labels.map(safeText).join(", ") : "no labels";
    return `valid: ${labels} (confidence ${r.confidence})`;
  }
  if (r.rejected_labels.length > 0) return `not valid: outside the taxonomy: ${r.rejected_labels.map(safeText).join(", ")}`;
  return r.reason === "invalid_output" ? "not valid: not the contract JSON" : "none (no answer)";
}

function circuit(r: LlmCheckResult): string {
  const c = r.circuit;
  if (c === null) return "unknown (the store could not be read)";
  const streak = `${c.failures} failed call${c.failures === 1 ? "" : "s"} in a row`;
  if (c.state === "closed") return `closed (${streak}); this check does not change it`;
  const since = `since ${timestamp(c.opened_at)}`;
  return c.state === "open"
    ? `open ${since} (${streak}): queries skip the LLM`
    : `open ${since}, cooled down: the next query probes the endpoint`;
}
