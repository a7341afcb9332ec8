import type { DayPart } from "./situation.js";

/** Slot or add-on text together with the labels it adds to the query. */
export interface Fragment {
  text: string;
  labels: string[];
}

export const OPENERS: readonly string[] = [
  "",
  "",
  "",
  "",
  "",
  "ok so ",
  "hey, ",
  "ugh ",
  "honestly ",
  "help: ",
  "quick one - ",
  "so ",
  "hi! ",
  "hmm ",
  "right, ",
  "not gonna lie, ",
];

export const CLOSERS: readonly string[] = [
  "",
  "",
  "",
  "",
  " any ideas?",
  " what should I eat?",
  " pls help",
  " recommendations?",
  " what do I make",
  "?",
  "...",
  "!!",
  " suggestions welcome",
  " go",
  " thoughts?",
  " what would you get",
];

export const MEAL_BY_PART: Record<DayPart, Fragment[]> = {
  morning: [{ text: "breakfast", labels: ["meal_breakfast"] }],
  midday: [{ text: "lunch", labels: ["meal_lunch"] }],
  afternoon: [{ text: "an afternoon snack", labels: ["meal_snack"] }],
  evening: [
    { text: "dinner", labels: ["meal_dinner"] },
    { text: "supper", labels: ["meal_dinner"] },
  ],
  night: [{ text: "a late-night bite", labels: ["meal_late_night"] }],
};

export const WHEN_BY_PART: Record<DayPart, readonly string[]> = {
  morning: ["this morning", "today", "already"],
  midday: ["today", "this lunchtime", "right now"],
  afternoon: ["this afternoon", "today", "right now"],
  evening: ["tonight", "this evening", "today"],
  night: ["tonight", "right now", "at this hour"],
};

export const WHO: readonly Fragment[] = [
  { text: "my partner", labels: ["social_couple"] },
  { text: "my boyfriend", labels: ["social_couple"] },
  { text: "my parents", labels: ["social_family"] },
  { text: "the kids", labels: ["social_family"] },
  { text: "my roommates", labels: ["social_group"] },
  { text: "a few friends", labels: ["social_group"] },
];

/** Diet or allergy remarks some people add; allergies add no label (they are constraints, not moods). */
export const DIET_REMARKS: readonly Fragment[] = [
  { text: " (I'm vegan)", labels: ["diet_vegan"] },
  { text: ", vegetarian here", labels: ["diet_vegetarian"] },
  { text: " - no meat for me", labels: ["diet_vegetarian"] },
  { text: ", has to be gluten free", labels: ["diet_gluten_free"] },
  { text: ", I'm coeliac", labels: ["diet_gluten_free"] },
  { text: ", dairy free please", labels: ["diet_dairy_free"] },
  { text: ". lactose intolerant btw", labels: ["diet_dairy_free"] },
  { text: ", allergic to peanuts", labels: [] },
  { text: ", shellfish allergy", labels: [] },
];

/** Emoji people tack on, keyed by the first of the situation's labels that has some. */
export const EMOJI_BY_LABEL: Record<string, readonly string[]> = {
  emotion_sad: ["😢", "😞", "💔", "🥺"],
  emotion_stressed: ["😩", "🫠", "😵‍💫"],
  emotion_anxious: ["😬", "😰"],
  emotion_tired: ["😴", "🥱", "💤"],
  emotion_happy: ["😄", "✨", "☀️"],
  emotion_excited: ["🎉", "🥳", "🍾"],
  emotion_angry: ["😡", "🤬"],
  emotion_lonely: ["🥲", "😔"],
  weather_cold: ["🥶", "❄️"],
  weather_rainy: ["🌧️", "☔"],
  weather_hot: ["🥵", "☀️", "🔥"],
  health_sick: ["🤒", "🤧"],
  health_hangover: ["🥴", "🤢"],
  meal_dessert: ["🍰", "🍫"],
};

export const DEFAULT_EMOJI: readonly string[] = ["🍜", "🌮", "🍕", "😋", "🙏", "🤤"];
