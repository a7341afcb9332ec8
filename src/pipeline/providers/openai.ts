import { setTimeout as sleep } from "node:timers/promises";
import { LlmCallError } from "../llm-call.js";
import type { LlmParse, LlmProvider, ParsedQuery } from "../types.js";
import { parseLabelReply, reasonForStatus } from "./openai-response.js";
import { planRetry, retryAfterMs } from "./retry-plan.js";

export interface OpenAiOptions {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Budget of the whole stage; retries must fit inside it. */
  timeoutMs: number;
  labels: readonly string[];
  /** Attempts per call (default 3); `llm check` makes exactly one. */
  maxAttempts?: number;
  fetch?: typeof fetch;
}

export function systemPrompt(labels: readonly string[]): string {
  return [
    "You read how a person feels and what they want to eat, and answer with strict JSON only:",
    '{"labels": string[], "confidence": number}.',
    "labels: the taxonomy labels the text expresses, stated or clearly implied, best first, usually 1 to 4; never a label the person rules out.",
    "confidence: 0 to 1, how sure you are.",
    `Taxonomy: ${labels.join(", ")}.`,
  ].join("\n");
}

/** Any OpenAI-compatible chat-completions endpoint (OpenAI, DeepSeek, OpenRouter, Ollama, vLLM, llama.cpp). */
export function createOpenAiProvider(options: OpenAiOptions): LlmProvider {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const system = systemPrompt(options.labels);
  const authorization = bearer(options.apiKey);

  async function attempt(query: ParsedQuery, signal?: AbortSignal): Promise<LlmParse> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({
          model: options.model,
          temperature: 0,
          messages: [
            { role: "system", content: system },
            { role: "user", content: query.text },
          ],
        }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw new LlmCallError("timeout", "LLM call timed out");
      throw new LlmCallError("network", `LLM endpoint unreachable (${networkCause(error, options.apiKey)})`);
    }
    if (!response.ok) {
      // The body is never read into the message: some endpoints echo the key they refused.
      await response.body?.cancel().catch(() => {});
      throw new LlmCallError(reasonForStatus(response.status), `LLM endpoint answered HTTP ${response.status}`, {
        status: response.status,
        retryAfterMs: response.status === 429 || response.status === 503 ? retryAfterMs(response.headers.get("retry-after")) : undefined,
      });
    }
    const body = (await response.json().catch(() => null)) as {
      choices?: { message?: { content?: string } }[];
      usage?: { prompt_tokens?: number; completion_tokens?: number };
    } | null;
    if (body === null && signal?.aborted) throw new LlmCallError("timeout", "LLM call timed out");
    const content = body?.choices?.[0]?.message?.content;
    if (typeof content !== "string") throw new LlmCallError("invalid_output", "LLM reply has no message content");
    const reply = parseLabelReply(content);
    return {
      ...reply,
      model: options.model,
      inputTokens: body?.usage?.prompt_tokens ?? Math.ceil((system.length + query.text.length) / 4),
      outputTokens: body?.usage?.completion_tokens ?? Math.ceil(content.length / 4),
    };
  }

  return {
    name: "openai",
    model: options.model,
    async parse(query, signal) {
      if (authorization === null) throw new LlmCallError("http_4xx", UNSENDABLE_KEY);
      const deadline = Date.now() + options.timeoutMs;
      for (let n = 1; ; n++) {
        try {
          return await attempt(query, signal);
        } catch (error) {
          const plan = planRetry(error, n, deadline, options.maxAttempts);
          if (!plan.retry || signal?.aborted) throw plan.retry ? error : plan.error;
          await sleep(plan.waitMs, undefined, { signal }).catch(() => {});
        }
      }
    },
  };
}

const UNSENDABLE_KEY =
  "MOODFOOD_LLM_API_KEY holds a character an HTTP header cannot carry (a control character or non-ASCII); check how it was set.";

/** The Authorization value ("" when there is no key), or null for a key fetch would refuse, quoting it in its error. */
function bearer(apiKey: string): string | null {
  const key = apiKey.trim();
  if (key === "") return "";
  return /^[\x21-\x7e]+$/.test(key) ? `Bearer ${key}` : null;
}

/** Why fetch failed, in a few words: the cause's code (ECONNREFUSED), else its message with any trace of the key removed. */
function networkCause(error: unknown, apiKey: string): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  const text = typeof cause?.message === "string" ? cause.message.slice(0, 120) : "network error";
  return apiKey.trim() !== "" && text.includes(apiKey.trim()) ? "network error" : text;
}
