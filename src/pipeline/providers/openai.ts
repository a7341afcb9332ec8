import { setTimeout as sleep } from "node:timers/promises";
import { LlmCallError } from "../llm-call.js";
import type { LlmParse, LlmProvider, ParsedQuery } from "../types.js";
import { parseLabelReply, reasonForStatus } from "./openai-response.js";

export interface OpenAiOptions {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Budget of the whole stage; retries must fit inside it. */
  timeoutMs: number;
  labels: readonly string[];
  fetch?: typeof fetch;
}

const MAX_ATTEMPTS = 3;

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

  async function attempt(query: ParsedQuery, signal?: AbortSignal): Promise<LlmParse> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
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
      // The message of a fetch failure never contains the key; keep only its cause's code.
      throw new LlmCallError(
        "network",
        `LLM endpoint unreachable (${(error as { cause?: { code?: string } }).cause?.code ?? "network error"})`,
      );
    }
    if (!response.ok) throw new LlmCallError(reasonForStatus(response.status), `LLM endpoint answered HTTP ${response.status}`);
    const body = (await response.json().catch(() => null)) as {
      choices?: { message?: { content?: string } }[];
      usage?: { prompt_tokens?: number; completion_tokens?: number };
    } | null;
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
      const deadline = Date.now() + options.timeoutMs;
      for (let n = 1; ; n++) {
        try {
          return await attempt(query, signal);
        } catch (error) {
          const retryable = error instanceof LlmCallError && (error.reason === "http_5xx" || error.reason === "network");
          // Exponential backoff with full jitter, only while it still fits in the stage budget.
          const wait = Math.random() * 100 * 2 ** (n - 1);
          if (!retryable || n >= MAX_ATTEMPTS || Date.now() + wait >= deadline || signal?.aborted) throw error;
          await sleep(wait, undefined, { signal }).catch(() => {});
        }
      }
    },
  };
}
