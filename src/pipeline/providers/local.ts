// The offline `local` LLM provider: a deterministic lexicon parser, honest about being one.

import type { Taxonomy } from "../taxonomy.js";
import type { LlmParse, LlmProvider, ParsedQuery } from "../types.js";
import { compileLexicon, type Lexicon, sharedLexicon } from "./local/lexicon.js";
import { parseLocally } from "./local/semantic-parse.js";

export const LOCAL_MODEL = "moodfood-lexicon-1";

/** Rough token count (about four characters a token) for gen_ai.usage attributes. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export class LocalProvider implements LlmProvider {
  readonly name = "local";
  readonly model = LOCAL_MODEL;
  private lexicon: Lexicon | undefined;

  constructor(private readonly taxonomy?: Taxonomy) {}

  async parse(query: ParsedQuery, signal?: AbortSignal): Promise<LlmParse> {
    signal?.throwIfAborted();
    this.lexicon ??= this.taxonomy ? compileLexicon(this.taxonomy) : sharedLexicon();
    const result = parseLocally(query.text, this.lexicon, query.negatedLabels);
    const labels = result.labels.map((entry) => entry.label);
    const output = JSON.stringify({ labels, confidence: result.confidence });
    return {
      labels,
      confidence: result.confidence,
      model: this.model,
      inputTokens: estimateTokens(query.text),
      outputTokens: estimateTokens(output),
    };
  }
}

export function createLocalProvider(taxonomy?: Taxonomy): LocalProvider {
  return new LocalProvider(taxonomy);
}
