import type { Dish } from "./catalog.js";
import type { WeightedLabel } from "./dish-score.js";

/** What a dish is like: "warm and comforting". */
const QUALITY: Readonly<Record<string, string>> = {
  sensory_warming: "warm",
  sensory_refreshing: "refreshing",
  sensory_spicy: "spicy",
  sensory_sweet: "sweet",
  sensory_savory: "savory",
  sensory_crunchy: "crunchy",
  sensory_creamy: "creamy",
  goal_comfort: "comforting",
  goal_energy: "energising",
  goal_light: "light",
  goal_indulgence: "indulgent",
  goal_healthy: "wholesome",
  goal_hydration: "hydrating",
  goal_calm: "soothing",
  goal_quick: "quick",
};

/** What it suits: "for a cold, rainy day". Weather is merged into one phrase. */
const SETTING: Readonly<Record<string, string>> = {
  meal_breakfast: "breakfast",
  meal_lunch: "lunch",
  meal_dinner: "dinner",
  meal_snack: "a snack",
  meal_dessert: "dessert",
  meal_late_night: "a late-night bite",
  occasion_celebration: "a celebration",
  occasion_date: "a date",
  occasion_party: "a party",
  occasion_work: "a busy work day",
  social_alone: "a quiet meal on your own",
  social_couple: "two",
  social_family: "the whole family",
  social_group: "sharing with a group",
};

/** When it helps: "when you're feeling down". */
const MOMENT: Readonly<Record<string, string>> = {
  emotion_sad: "when you're feeling down",
  emotion_stressed: "when you're stressed",
  emotion_anxious: "when you're feeling anxious",
  emotion_tired: "when you're worn out",
  emotion_happy: "when you're in a good mood",
  emotion_angry: "when you need to blow off steam",
  emotion_bored: "when you want something different",
  emotion_lonely: "when you're feeling lonely",
  emotion_nostalgic: "when you miss the taste of home",
  emotion_excited: "when you're excited",
  health_sick: "when you're under the weather",
  health_hangover: "when you're nursing a hangover",
};

/** One plain sentence naming what matched, e.g. "Warm and comforting for a cold, rainy day."; `wish` is the dish type asked for. */
export function matchReason(dish: Dish, matched: readonly WeightedLabel[], wish?: string): string {
  const labels = matched.map((m) => m.label);
  // Implied needs may describe the dish ("warm") but never invent a setting the person did not mention.
  const asked = matched.filter((m) => !m.implied).map((m) => m.label);
  const qualities = pick(labels, QUALITY, 2);
  const moment = pick(asked, MOMENT, 1)[0];
  const cuisine = asked.includes(`cuisine_${dish.cuisine}`) ? cuisineName(dish.cuisine) : null;
  const forPart = settingPhrase(pick(asked, SETTING, 2), weatherWords(asked));
  const kind = wish ? `${wish} dish` : "dish";

  if (qualities.length > 0) {
    const what = joinAnd(qualities);
    const lead = cuisine ? `${article(cuisine)} ${cuisine} ${kind} that's ${what}` : capitalise(wish ? `${what} ${wish}` : what);
    if (moment) return `${lead}${forPart}, just right ${moment}.`;
    return forPart ? `${lead}${forPart}.` : `${lead}, just as you wanted.`;
  }
  const lead = cuisine ? `${article(cuisine)} ${cuisine} ${wish ?? "favourite"}` : wish ? capitalise(wish) : "A good pick";
  if (forPart && moment) return `${lead}${forPart}, especially ${moment}.`;
  if (forPart) return `${lead}${forPart}.`;
  if (moment) return `${cuisine || wish ? lead : "A classic"} ${moment}.`;
  if (wish) return `${cuisine ? `${article(cuisine)} ${cuisine} ${kind}` : capitalise(kind)}, as you asked.`;
  return cuisine ? `A well-loved ${cuisine} dish, as you asked.` : popularReason(dish);
}

/** A label as a word a person would use ("sweet", "dessert", "Italian"), or undefined for one without a word. */
export function labelWord(label: string): string | undefined {
  if (label.startsWith("cuisine_")) return cuisineName(label.slice("cuisine_".length));
  return QUALITY[label] ?? SETTING[label];
}

/** The reason of a dish that meets only a need the request implies: says it is not a direct match. */
export function needReason(matched: readonly WeightedLabel[]): string {
  const qualities = pick(
    matched.map((m) => m.label),
    QUALITY,
    2,
  );
  return qualities.length > 0 ? `Not a direct match, but ${joinAnd(qualities)}.` : "Not a direct match, but close to what you asked.";
}

/** The reason of a default pick: says plainly that it is popular, not matched to a mood. */
export function popularReason(dish: Dish): string {
  return `A popular pick: ${dish.description}.`;
}

function pick(labels: readonly string[], phrases: Readonly<Record<string, string>>, limit: number): string[] {
  return labels
    .map((label) => phrases[label])
    .filter((p): p is string => p !== undefined)
    .slice(0, limit);
}

function weatherWords(labels: readonly string[]): string[] {
  return ["weather_cold", "weather_hot", "weather_rainy"].filter((l) => labels.includes(l)).map((l) => l.slice("weather_".length));
}

/** " for dinner on a cold, rainy day", " for a cold day", " for a date" or "". */
function settingPhrase(settings: readonly string[], weather: readonly string[]): string {
  const day = weather.length > 0 ? `a ${weather.join(", ")} day` : "";
  if (settings.length === 0) return day ? ` for ${day}` : "";
  return ` for ${joinAnd(settings)}${day ? ` on ${day}` : ""}`;
}

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** "middle_eastern" -> "Middle Eastern". */
function cuisineName(cuisine: string): string {
  return cuisine.split("_").map(capitalise).join(" ");
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? "An" : "A";
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
