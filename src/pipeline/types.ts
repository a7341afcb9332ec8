// Shared contracts of the recommender pipeline. Every stage module codes against these.

export type Diet = "vegetarian" | "vegan" | "gluten_free" | "dairy_free" | "nut_free" | "halal" | "kosher" | "low_sugar";
export const DIETS: readonly Diet[] = ["vegetarian", "vegan", "gluten_free", "dairy_free", "nut_free", "halal", "kosher", "low_sugar"];

export type Allergen = "peanut" | "tree_nut" | "milk" | "egg" | "wheat" | "soy" | "fish" | "shellfish" | "sesame";
export const ALLERGENS: readonly Allergen[] = ["peanut", "tree_nut", "milk", "egg", "wheat", "soy", "fish", "shellfish", "sesame"];

export type FinalDecision = "ml_validated" | "llm_fallback" | "ml_only" | "default_fallback";

/** What the `parse` stage hands to every later stage. */
export interface ParsedQuery {
  /** The user's text with control characters removed and length limits applied. */
  text: string;
  /** True when the text was cut to the length limit. */
  truncated: boolean;
  /** Diet constraints read from the text or given with --diet (hard filters). */
  diets: Diet[];
  /** Allergies named in the text ("peanut allergy"): dishes containing them are excluded. */
  allergens: Allergen[];
  /** Taxonomy labels the user explicitly ruled out ("nothing spicy" -> sensory_spicy). */
  negatedLabels: string[];
  /** Words under a negation ("anything but pizza" -> pizza): dishes named or made with them are left out. */
  negatedWords?: string[];
  /** Diets and allergies asked for that no dish flag can honour ("keto", "kiwi allergy"). */
  unsupported?: string[];
  /** The language of the text when it is clearly not English (the parser and model read English only). */
  language?: string | null;
}

/** One label with a calibrated probability in [0, 1]. */
export interface LabelScore {
  label: string;
  score: number;
}

/** Result of the LLM-style semantic parse (the `llm_call` stage). */
export interface LlmParse {
  labels: string[];
  confidence: number;
  /** Provider model name, e.g. "moodfood-lexicon-1" or "gpt-4o-mini". */
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export interface LlmProvider {
  /** `gen_ai.provider.name`: "local" or "openai". */
  readonly name: string;
  readonly model: string;
  parse(query: ParsedQuery, signal?: AbortSignal): Promise<LlmParse>;
}

/** The trained multi-label classifier (`ml_classify` stage). */
export interface MoodClassifier {
  readonly version: string;
  /** Every label the model knows, best first, with calibrated probabilities. */
  classify(text: string): LabelScore[];
}

export interface Recommendation {
  name: string;
  cuisine: string;
  score: number;
  /** One sentence a person understands: why this dish fits. */
  reason: string;
  /** Diet flags the dish satisfies, without the `diet_` prefix. */
  diet: Diet[];
}
