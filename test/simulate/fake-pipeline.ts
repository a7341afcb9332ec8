// A stand-in for the real pipeline (same tracer, same span names, same decision rules in miniature),
// so the simulation can be tested without the trained model and catalog.
import { LlmCallError } from "../../src/pipeline/llm-call.js";
import type { PipelineDeps, QueryAnswer, QueryInput } from "../../src/pipeline/pipeline.js";
import type { LabelScore, LlmProvider, MoodClassifier } from "../../src/pipeline/types.js";
import type { SimulateDeps } from "../../src/simulate/run-simulate.js";
import type { Store } from "../../src/store/store.js";
import { endTrace, startTrace, traceStage, traceWritten } from "../../src/tracing/tracer.js";

const KEYWORDS: [RegExp, string][] = [
  [/cold|frost|snow|icy|freez/i, "weather_cold"],
  [/rain|drizzl|wet/i, "weather_rainy"],
  [/\b(hot|heat\w*|sun|sunny|oven|boiling|melting|degrees|beach|bbq|barbecue|pool|popsicle|sauna)\b/i, "weather_hot"],
  [/tired|exhausted|sleep|shift|spent/i, "emotion_tired"],
  [/stress|deadline|cram|exam/i, "emotion_stressed"],
  [/sad|heartbroken|gutted|dumped|crying/i, "emotion_sad"],
  [/flu|cold from|sore throat|fever|hay fever/i, "health_sick"],
];

function labelsOf(text: string): LabelScore[] {
  const hits = KEYWORDS.filter(([re]) => re.test(text)).map(([, label]) => ({ label, score: 0.8 }));
  return hits.length > 0 ? hits : [{ label: "goal_comfort", score: 0.3 }];
}

export const fakeClassifier: MoodClassifier = { version: "fake-model-1", classify: labelsOf };
export const fakeProvider: LlmProvider = {
  name: "local",
  model: "fake-lexicon-1",
  parse: async (q) => ({
    labels: labelsOf(q.text).map((l) => l.label),
    confidence: 0.7,
    model: "fake-lexicon-1",
    inputTokens: 5,
    outputTokens: 5,
  }),
};

export async function fakeRunQuery(input: QueryInput, deps: PipelineDeps): Promise<QueryAnswer> {
  const trace = startTrace({ query: input.text, sink: deps.sink, now: deps.now, userId: input.userId, sessionId: input.sessionId });
  trace.record.model_version = deps.classifier.version;
  await traceStage(trace, "parse", () => input.text);
  const llm = await traceStage(trace, "llm_call", () =>
    deps.provider.parse({ text: input.text, truncated: false, diets: [], allergens: [], negatedLabels: [] }),
  ).catch((error: unknown) => {
    if (!(error instanceof LlmCallError)) throw error;
    const span = trace.record.spans.find((s) => s.name === "llm_call");
    if (span) span.attributes["moodfood.llm.reason"] = error.reason;
    return null;
  });
  const ml = await traceStage(trace, "ml_classify", () => deps.classifier.classify(input.text));
  const confident = (ml[0]?.score ?? 0) >= deps.mlThreshold;
  const decision = llm === null ? (confident ? "ml_only" : "default_fallback") : confident ? "ml_validated" : "llm_fallback";
  const labels = llm === null ? (confident ? ml.map((m) => m.label) : []) : llm.labels;
  const done = endTrace(trace, { labels, confidence: ml[0]?.score ?? 0, final_decision: decision, recommendations: ["Miso soup"] });
  await traceWritten(trace);
  return {
    trace_id: done.trace_id,
    query: input.text,
    labels,
    confidence: ml[0]?.score ?? 0,
    final_decision: decision,
    model_version: deps.classifier.version,
    duration_ms: done.duration_ms ?? 0,
    recommendations: [],
    diets: [],
    allergens: [],
    notices: [],
  };
}

export function fakeSimulateDeps(store: Store, now: number): SimulateDeps {
  return {
    store,
    now,
    runQuery: fakeRunQuery,
    pipeline: {
      provider: fakeProvider,
      classifier: fakeClassifier,
      catalog: { dishes: [], byTag: new Map() },
      mlThreshold: 0.5,
      llmTimeoutMs: 3000,
    },
    commentScorer: async () => (text: string) => (/great|love|perfect/.test(text) ? 3 : /awful|terrible|boring/.test(text) ? -3 : 0),
  };
}
