import type { Situation } from "./situation.js";

// Company, occasions, weather and cuisine cravings. Written for traffic simulation only.
export const COMPANY_AND_WEATHER_SITUATIONS: Situation[] = [
  {
    id: "date_night",
    labels: ["occasion_date", "social_couple"],
    weight: 3,
    when: ["evening"],
    phrasings: [
      "she's coming over for our third date, help me not mess up dinner",
      "anniversary dinner at home, something romantic",
      "date night in, candles are ready, food isn't",
    ],
  },
  {
    id: "family_table",
    labels: ["social_family", "meal_dinner"],
    weight: 3,
    when: ["evening"],
    phrasings: [
      "feeding two picky kids and a tired husband",
      "sunday dinner with {who}, ideas?",
      "whole family is over tonight, need a crowd pleaser",
    ],
  },
  {
    id: "hosting",
    labels: ["occasion_party", "social_group"],
    weight: 2,
    phrasings: [
      "hosting twelve people saturday, need finger food",
      "throwing a housewarming, what do I serve",
      "party at mine tonight, snacks for a crowd",
    ],
  },
  {
    id: "team_lunch",
    labels: ["occasion_work", "social_group", "meal_lunch"],
    weight: 2,
    when: ["midday"],
    phrasings: [
      "ordering team lunch for eight, one of them hates cilantro",
      "lunch with the whole department, something everyone likes",
      "office lunch order, need a safe bet for the group",
    ],
  },
  {
    id: "game_night",
    labels: ["social_group", "meal_snack"],
    weight: 2,
    when: ["evening", "night"],
    phrasings: [
      "board game night with {who}, need snacks",
      "watching the match with the lads, what do we munch",
      "friends coming over for a movie marathon",
    ],
  },
  {
    id: "birthday",
    labels: ["occasion_celebration", "meal_dessert"],
    weight: 2,
    phrasings: [
      "it's my birthday and I want cake",
      "my kid turns six today, party treats please",
      "surprise birthday for {who}, what dessert",
    ],
  },
  {
    id: "table_for_one",
    labels: ["social_alone", "meal_dinner"],
    weight: 2,
    when: ["evening"],
    phrasings: ["table for one tonight, something nice", "it's only me eating {when}, make it nice", "solo dinner, make it feel special"],
  },
  {
    id: "freezing",
    labels: ["weather_cold", "sensory_warming"],
    season: "cold",
    weight: 4,
    phrasings: [
      "minus ten outside and the heating is broken",
      "frost on the windows, need to warm up from the inside",
      "walked home in the icy wind, fingers numb",
      "so cold {when}, something steaming hot for {meal}",
    ],
  },
  {
    id: "soaked",
    labels: ["weather_rainy", "goal_comfort"],
    season: "cold",
    weight: 3,
    phrasings: [
      "got soaked walking home, want something cozy",
      "dreary wet weekend, can't go anywhere",
      "rain hasn't stopped since tuesday, need comfort",
    ],
  },
  {
    id: "snowed_in",
    labels: ["weather_cold", "goal_comfort", "sensory_warming"],
    season: "cold",
    weight: 2,
    phrasings: ["snowed in with {who}", "blizzard outside, cozy night in", "roads closed from the snow, what do I cook"],
  },
  {
    id: "warm_spell",
    labels: ["weather_hot", "sensory_refreshing"],
    season: "hot",
    weight: 3,
    phrasings: [
      "kitchen is a sauna, can't bear turning the stove on",
      "sweating through my shirt, want something cold",
      "sunny and sticky, something fresh",
    ],
  },
  {
    id: "ramen",
    labels: ["cuisine_japanese"],
    weight: 2,
    phrasings: ["ramen would hit the spot right now", "sushi craving hitting hard", "want some japanese food {when}"],
  },
  {
    id: "tacos",
    labels: ["cuisine_mexican"],
    weight: 2,
    phrasings: ["taco night energy", "craving mexican, lots of lime", "want a loaded burrito"],
  },
  {
    id: "pasta",
    labels: ["cuisine_italian"],
    weight: 2,
    phrasings: ["need a big bowl of pasta", "italian night, something with basil", "want risotto with lots of parmesan"],
  },
  {
    id: "curry",
    labels: ["cuisine_indian"],
    weight: 2,
    phrasings: ["want a proper indian curry", "craving something with garam masala", "biryani kind of mood"],
  },
  {
    id: "thai",
    labels: ["cuisine_thai"],
    weight: 1,
    phrasings: ["thai food craving, lemongrass and lime", "want some green curry or pad see ew"],
  },
  { id: "korean", labels: ["cuisine_korean"], weight: 1, phrasings: ["korean fried chicken please", "want bibimbap or something korean"] },
];
