import { LlmCallError } from "../llm-call.js";

/** Parses the contract reply `{"labels": string[], "confidence": number}`, also inside a ``` fence. */
export function parseLabelReply(content: string): { labels: string[]; confidence: number } {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content);
  const body = (fenced?.[1] ?? content).trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new LlmCallError("invalid_output", "LLM reply is not JSON");
  }
  const reply = parsed as { labels?: unknown; confidence?: unknown };
  if (!Array.isArray(reply.labels) || !reply.labels.every((l) => typeof l === "string")) {
    throw new LlmCallError("invalid_output", "LLM reply has no labels array of strings");
  }
  const confidence =
    typeof reply.confidence === "number" && Number.isFinite(reply.confidence) ? Math.min(1, Math.max(0, reply.confidence)) : NaN;
  if (Number.isNaN(confidence)) throw new LlmCallError("invalid_output", "LLM reply has no numeric confidence");
  return { labels: reply.labels as string[], confidence };
}

/** Maps an HTTP status to the fixed `reason` label set (429 is the client's rate limit: http_4xx). */
export function reasonForStatus(status: number): "http_4xx" | "http_5xx" {
  return status >= 500 ? "http_5xx" : "http_4xx";
}
