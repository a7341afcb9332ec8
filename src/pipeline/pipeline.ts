import { endTrace, startTrace, type TraceSink, traceStage, traceWritten } from "../tracing/tracer.js";
import type { Catalog } from "./catalog.js";
import { decide } from "./decide.js";
import { excludedDishes } from "./dish-exclusion.js";
import { requiredDiets } from "./dish-filter.js";
import { wishedDishes, wishedTypes } from "./dish-wish.js";
import { callProvider, LlmCallError } from "./llm-call.js";
import { buildNotices, type Notice } from "./notices.js";
import { parseQuery, storableQuery } from "./parse.js";
import { recommend } from "./recommend.js";
import type { Diet, FinalDecision, LabelScore, LlmParse, LlmProvider, MoodClassifier, ParsedQuery, Recommendation } from "./types.js";
import { constraintWords, unmetWishes } from "./unmet-wishes.js";
import { validateLabels } from "./validate.js";

export interface PipelineDeps {
  provider: LlmProvider;
  classifier: MoodClassifier;
  catalog: Catalog;
  sink: TraceSink;
  mlThreshold: number;
  llmTimeoutMs: number;
  now?: () => number;
}

export interface QueryInput {
  text: string;
  diets?: Diet[];
  top?: number;
  userId?: string | null;
  sessionId?: string | null;
}

/** The `query --json` object (DESIGN §12 contract fields first). */
export interface QueryAnswer {
  trace_id: string;
  query: string;
  labels: string[];
  confidence: number;
  final_decision: FinalDecision;
  model_version: string;
  duration_ms: number;
  recommendations: Recommendation[];
  diets: Diet[];
  allergens: string[];
  /** What the person should know about how the query was read (DESIGN §3): allergy reminders, no labels, language… */
  notices: Notice[];
}

/** Runs one query through every stage inside a trace; a failed stage still leaves a complete trace. */
export async function runQuery(input: QueryInput, deps: PipelineDeps): Promise<QueryAnswer> {
  const trace = startTrace({
    query: storableQuery(input.text),
    sink: deps.sink,
    now: deps.now,
    userId: input.userId,
    sessionId: input.sessionId,
  });
  trace.record.model_version = deps.classifier.version;
  try {
    const parsed = await traceStage(trace, "parse", (span) => {
      const result = parseQuery(input.text, input.diets);
      span.attributes["moodfood.query.chars"] = result.text.length;
      return result;
    });
    trace.record.query = parsed.text;
    const [llm, ml] = await Promise.all([llmStage(trace, parsed, deps), mlStage(trace, parsed, deps.classifier)]);
    const exclusion = excludedDishes(deps.catalog, parsed.negatedWords ?? []);
    const wish = wishedDishes(deps.catalog, wishedTypes(parsed.text, parsed.negatedWords ?? []));
    const decision = await traceStage(trace, "decide", (span) => {
      const excludes = exclusion.dishes.size > 0 || parsed.negatedLabels.length > 0;
      const result = decide({ llm, ml, parsed, threshold: deps.mlThreshold, excludes });
      span.attributes["moodfood.decision"] = result.decision;
      span.attributes["moodfood.agreement"] = result.agreement;
      return result;
    });
    const recommendations = await traceStage(trace, "recommend", (span) => {
      const dishes = recommend(deps.catalog, {
        labels: decision.labels,
        diets: parsed.diets,
        allergens: parsed.allergens,
        negatedLabels: parsed.negatedLabels,
        excludedDishes: exclusion.dishes,
        wishedDishes: wish.dishes,
        top: input.top ?? 5,
        fallback: decision.decision === "default_fallback",
      });
      span.attributes["moodfood.recommendations"] = dishes.length;
      return dishes;
    });
    const done = endTrace(trace, {
      labels: decision.labels,
      confidence: decision.confidence,
      final_decision: decision.decision,
      recommendations: recommendations.map((r) => r.name),
      agreement: llm === null ? null : decision.agreement,
    });
    await traceWritten(trace);
    return {
      trace_id: done.trace_id,
      query: done.query,
      labels: decision.labels,
      confidence: decision.confidence,
      final_decision: decision.decision,
      model_version: deps.classifier.version,
      duration_ms: Math.round((done.duration_ms ?? 0) * 1000) / 1000,
      recommendations,
      diets: parsed.diets,
      allergens: parsed.allergens,
      notices: buildNotices({
        parsed,
        labels: decision.labels.filter((label) => !label.startsWith("diet_")),
        decision: decision.decision,
        llmFailure:
          llm === null
            ? String(trace.record.spans.find((s) => s.name === "llm_call")?.attributes["moodfood.llm.reason"] ?? "failed")
            : null,
        provider: deps.provider.name,
        excludedWords: exclusion.words,
        unmet: {
          wishes: unmetWishes(deps.catalog, { ...parsed, labels: decision.labels, wishedDishes: wish.dishes }),
          constraints: constraintWords(requiredDiets(parsed.diets, decision.labels), parsed.allergens),
        },
      }),
    };
  } catch (error) {
    if (trace.record.status === "active") {
      endTrace(trace, { error });
      await traceWritten(trace).catch(() => {}); // the stage's error is the one to report
    }
    throw error;
  }
}

/** `llm_call` then `validate`; returns null when the LLM failed so the decision can fall back to ML. */
async function llmStage(trace: Parameters<typeof traceStage>[0], parsed: ParsedQuery, deps: PipelineDeps): Promise<LlmParse | null> {
  const { provider } = deps;
  const attributes = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": provider.name, "gen_ai.request.model": provider.model };
  let raw: LlmParse;
  try {
    raw = await traceStage(
      trace,
      "llm_call",
      async (span) => {
        const result = await callProvider(provider, parsed, deps.llmTimeoutMs);
        span.attributes["gen_ai.usage.input_tokens"] = result.inputTokens;
        span.attributes["gen_ai.usage.output_tokens"] = result.outputTokens;
        span.attributes["moodfood.llm.reason"] = "ok";
        return result;
      },
      attributes,
    );
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    const span = trace.record.spans.find((s) => s.name === "llm_call");
    if (span) span.attributes["moodfood.llm.reason"] = error.reason;
    await traceStage(trace, "validate", (span) => {
      span.attributes["moodfood.skipped"] = "llm_failed";
    });
    return null;
  }
  return traceStage(trace, "validate", (span) => {
    const { labels, rejected } = validateLabels(raw.labels);
    span.attributes["moodfood.labels.accepted"] = labels.length;
    span.attributes["moodfood.labels.rejected"] = rejected.length;
    return { ...raw, labels };
  });
}

function mlStage(trace: Parameters<typeof traceStage>[0], parsed: ParsedQuery, classifier: MoodClassifier): Promise<LabelScore[]> {
  return traceStage(trace, "ml_classify", (span) => {
    const scores = classifier.classify(parsed.text);
    const top = scores[0];
    if (top) span.attributes["moodfood.ml.top_score"] = Math.round(top.score * 1000) / 1000;
    return scores;
  });
}
