// Readings a phrase list cannot express: clock times, temperatures, minutes, head counts, animal products.

import { FOOD_EXCLUDERS } from "../../text/negators.js";
import type { Token } from "../../text/tokenize.js";
import type { LabelWeight } from "./lexicon.js";

export interface RuleHit extends LabelWeight {
  start: number;
  end: number;
}

function hourOf(token: Token): number | undefined {
  if (token.kind !== "time") return undefined;
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(token.norm);
  if (!m) return undefined;
  const hour = Number(m[1]);
  if (hour > 24) return undefined;
  if (m[3] === "pm" && hour < 12) return hour + 12;
  if (m[3] === "am" && hour === 12) return 0;
  return hour;
}

function mealAtHour(hour: number): LabelWeight | undefined {
  if (hour >= 22 || hour <= 4) return { label: "meal_late_night", weight: 0.9 };
  if (hour <= 10) return { label: "meal_breakfast", weight: 0.45 };
  if (hour >= 11 && hour <= 14) return { label: "meal_lunch", weight: 0.45 };
  if (hour >= 17 && hour <= 21) return { label: "meal_dinner", weight: 0.45 };
  return undefined;
}

/** Celsius unless said otherwise; two-digit readings of 25-49 are hot in Celsius (35 degrees). */
function weatherAt(value: number, unit: string): LabelWeight | undefined {
  const fahrenheit = unit === "f" || unit === "fahrenheit" || value >= 50;
  const celsius = fahrenheit ? ((value - 32) * 5) / 9 : value;
  if (celsius >= 25) return { label: "weather_hot", weight: 0.9 };
  if (celsius <= 5) return { label: "weather_cold", weight: 0.9 };
  return undefined;
}

const MINUTE_WORDS = new Set(["min", "mins", "minute", "minutes", "sec", "secs", "seconds"]);
const DEGREE_WORDS = new Set(["degrees", "degree", "deg", "c", "f", "celsius", "fahrenheit"]);
const PEOPLE_WORDS = new Set(["people", "guests", "friends", "adults", "persons", "of"]);

function numericRules(tokens: Token[]): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const hour = hourOf(token);
    const meal = hour === undefined ? undefined : mealAtHour(hour);
    if (meal) hits.push({ ...meal, start: i, end: i + 1 });
    if (token.kind !== "number") continue;
    const value = Number(token.norm);
    const next = tokens[i + 1]?.norm ?? "";
    const previous = tokens[i - 1]?.norm ?? "";
    if (MINUTE_WORDS.has(next) && value <= 30) hits.push({ label: "goal_quick", weight: 0.9, start: i, end: i + 2 });
    const below = previous === "minus";
    if (DEGREE_WORDS.has(next) || ((next === "out" || next === "outside") && (value >= 25 || below))) {
      const unit = DEGREE_WORDS.has(tokens[i + 2]?.norm ?? "") ? (tokens[i + 2]?.norm ?? "") : next;
      const weather = weatherAt(below ? -value : value, unit);
      if (weather) hits.push({ ...weather, start: i, end: i + 2 });
    }
    if (previous === "for" && value === 2) hits.push({ label: "social_couple", weight: 0.7, start: i - 1, end: i + 1 });
    if (value >= 4 && value <= 60 && (previous === "for" || PEOPLE_WORDS.has(next))) {
      hits.push({ label: "social_group", weight: 0.7, start: i, end: i + 1 });
    }
  }
  return hits;
}

const ANIMAL_PRODUCTS: Record<string, string> = {
  meat: "meat",
  meats: "meat",
  chicken: "meat",
  beef: "meat",
  pork: "meat",
  bacon: "meat",
  fish: "meat",
  seafood: "meat",
  egg: "egg",
  eggs: "egg",
  dairy: "dairy",
  milk: "dairy",
  cheese: "dairy",
  butter: "dairy",
  cream: "dairy",
  honey: "honey",
  gelatin: "honey",
  animal: "animal",
};
/**
 * Food excluders, and words that exclude foods without negating ("dairy free", "allergic to eggs"). Not "except": its
 * exception is one dish ("anything except sushi"), and this rule reads on across commas ("..., she hates raw fish").
 */
const EXCLUDING = new Set([...FOOD_EXCLUDERS, "free", "allergic"].filter((word) => word !== "except"));

/** "can't have eggs, milk, meat or honey" -> diet_vegan; "no meat or fish" -> diet_vegetarian. */
function animalProductRule(tokens: Token[]): RuleHit[] {
  const hits: RuleHit[] = [];
  let excluding = -1;
  let groups = new Set<string>();
  const flush = (end: number): void => {
    if (excluding < 0) return;
    if (groups.has("animal") || groups.size - (groups.has("meat") ? 1 : 0) >= 2) {
      hits.push({ label: "diet_vegan", weight: 0.9, start: excluding, end });
    } else if (groups.size === 1 && groups.has("meat")) {
      hits.push({ label: "diet_vegetarian", weight: 0.9, start: excluding, end });
    } else if (groups.has("dairy") && groups.has("meat") === false && groups.size === 1) {
      hits.push({ label: "diet_dairy_free", weight: 0.9, start: excluding, end });
    } else if (groups.has("meat") && groups.size >= 2) {
      hits.push({ label: "diet_vegan", weight: 0.9, start: excluding, end });
    }
    excluding = -1;
    groups = new Set();
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "punct" && /[.!?;]/.test(token.norm)) flush(i);
    else if (token.norm === "but") flush(i);
    else if (EXCLUDING.has(token.norm) && excluding < 0) excluding = i;
    else if (excluding >= 0 && ANIMAL_PRODUCTS[token.norm]) groups.add(ANIMAL_PRODUCTS[token.norm] ?? "");
  }
  flush(tokens.length);
  return hits;
}

// Loops, concat and counts rather than forEach callbacks and spreads throughout: a query runs this code once, cold.
export function ruleHits(tokens: Token[]): RuleHit[] {
  return numericRules(tokens).concat(animalProductRule(tokens));
}
