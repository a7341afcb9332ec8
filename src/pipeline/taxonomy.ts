import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { packagePath } from "../config/package-path.js";

/** A trigger phrase with effects: more labels when it is present (also), labels it rules out (not). */
export interface TriggerRule {
  t: string;
  also?: string[];
  not?: string[];
}

export interface LabelSpec {
  name: string;
  category: string;
  description: string;
  /** Phrases that signal the label (syntax in the file's trigger_syntax). */
  triggers: string[];
  trigger_rules?: TriggerRule[];
  /** Needs a label clearly implies (weather_cold -> sensory_warming), with a strength factor. */
  implies?: Record<string, number>;
  /** Needs implied when the user rules this label out ("nothing heavy" -> goal_light). */
  when_negated?: Record<string, number>;
}

export interface Taxonomy {
  version: number;
  categories: Record<string, string>;
  /** Words worth correcting when misspelled ("exausted" -> "exhausted"): the ones that carry moods and needs. */
  spelling_targets?: string[];
  labels: LabelSpec[];
}

/** The core labels of DESIGN §3 (contract: never renamed). */
export const CORE_LABELS = [
  "emotion_sad",
  "emotion_stressed",
  "emotion_anxious",
  "emotion_tired",
  "emotion_happy",
  "emotion_angry",
  "emotion_bored",
  "emotion_lonely",
  "emotion_nostalgic",
  "emotion_excited",
  "health_sick",
  "health_hangover",
  "goal_comfort",
  "goal_energy",
  "goal_light",
  "goal_indulgence",
  "goal_healthy",
  "goal_hydration",
  "goal_calm",
  "goal_quick",
  "sensory_warming",
  "sensory_refreshing",
  "sensory_spicy",
  "sensory_sweet",
  "sensory_savory",
  "sensory_crunchy",
  "sensory_creamy",
  "meal_breakfast",
  "meal_lunch",
  "meal_dinner",
  "meal_snack",
  "meal_dessert",
  "meal_late_night",
  "social_alone",
  "social_couple",
  "social_family",
  "social_group",
  "occasion_celebration",
  "occasion_date",
  "occasion_party",
  "occasion_work",
  "weather_hot",
  "weather_cold",
  "weather_rainy",
  "diet_vegetarian",
  "diet_vegan",
  "diet_gluten_free",
  "diet_dairy_free",
  "diet_nut_free",
  "cuisine_japanese",
  "cuisine_chinese",
  "cuisine_korean",
  "cuisine_thai",
  "cuisine_indian",
  "cuisine_italian",
  "cuisine_mexican",
  "cuisine_american",
  "cuisine_mediterranean",
  "cuisine_middle_eastern",
  "cuisine_french",
] as const;

export type CoreLabel = (typeof CORE_LABELS)[number];

/** Categories whose labels describe the person's mood or state (the "primary mood"). */
export const MOOD_CATEGORIES: readonly string[] = ["emotion", "health"];

let cached: { taxonomy: Taxonomy; text: string } | undefined;

function shipped(): { taxonomy: Taxonomy; text: string } {
  if (!cached) {
    const text = readFileSync(packagePath("fixtures", "taxonomy.json"), "utf8");
    cached = { taxonomy: parseTaxonomy(text), text };
  }
  return cached;
}

/** The shipped taxonomy, parsed once per process. */
export function loadTaxonomy(): Taxonomy {
  return shipped().taxonomy;
}

/** sha256 of the shipped taxonomy file: models whose features read the lexicon record it (training only). */
export function taxonomyHash(): string {
  // node:crypto costs ~7 ms to load in a fresh process: required here, never at module load on the query path.
  const { createHash } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return createHash("sha256").update(shipped().text).digest("hex");
}

/** Parses and checks a taxonomy document: every core label present, no duplicates. */
export function parseTaxonomy(json: string): Taxonomy {
  const doc = JSON.parse(json) as Taxonomy;
  if (!Array.isArray(doc.labels)) throw new Error("taxonomy: labels must be an array");
  const seen = new Set<string>();
  for (const label of doc.labels) {
    if (seen.has(label.name)) throw new Error(`taxonomy: duplicate label ${label.name}`);
    seen.add(label.name);
  }
  const missing = CORE_LABELS.filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`taxonomy: missing core labels ${missing.join(", ")}`);
  return doc;
}

export function labelNames(taxonomy: Taxonomy = loadTaxonomy()): string[] {
  return taxonomy.labels.map((label) => label.name);
}

export function isKnownLabel(label: string, taxonomy: Taxonomy = loadTaxonomy()): boolean {
  return taxonomy.labels.some((spec) => spec.name === label);
}

/** The category of a label name: the part before the first underscore ("meal_late_night" -> "meal"). */
export function categoryOf(label: string): string {
  const cut = label.indexOf("_");
  return cut < 0 ? label : label.slice(0, cut);
}

export function labelsInCategory(category: string, taxonomy: Taxonomy = loadTaxonomy()): string[] {
  return taxonomy.labels.filter((spec) => spec.category === category).map((spec) => spec.name);
}

export function isMoodLabel(label: string): boolean {
  return MOOD_CATEGORIES.includes(categoryOf(label));
}

export function isDietLabel(label: string): boolean {
  return categoryOf(label) === "diet";
}
