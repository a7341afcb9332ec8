import type { Situation } from "./situation.js";

// Moods and a season that appear only after the drift day: a summer heatwave and its festivals.
export const SUMMER_SITUATIONS: Situation[] = [
  {
    id: "heatwave",
    labels: ["weather_hot", "sensory_refreshing", "goal_hydration"],
    season: "hot",
    weight: 5,
    phrasings: [
      "heatwave, 38 degrees and the AC just died",
      "melting in this heat, need something icy",
      "it's like an oven in my flat, cold food only",
      "sun is brutal {when}, I need to cool down",
    ],
  },
  {
    id: "beach_day",
    labels: ["weather_hot", "goal_light", "sensory_refreshing"],
    season: "hot",
    weight: 3,
    phrasings: ["back from the beach, sunburnt and hungry", "picnic by the lake, something light to pack", "pool day, what travels well"],
  },
  {
    id: "festival_recovery",
    labels: ["health_hangover", "goal_hydration"],
    season: "hot",
    weight: 3,
    phrasings: [
      "three days of festival and my body is begging for mercy",
      "dehydrated after the open air concert",
      "survived the rave, need electrolytes and food",
    ],
  },
  {
    id: "bbq",
    labels: ["occasion_party", "social_group", "weather_hot"],
    season: "hot",
    weight: 3,
    phrasings: ["backyard bbq for the neighbours, it's boiling", "grill party saturday in the heat, sides?", "rooftop barbecue with {who}"],
  },
  {
    id: "burnout",
    labels: ["emotion_tired", "emotion_stressed"],
    weight: 3,
    phrasings: [
      "completely burnt out, cancelled every plan",
      "running on empty, work drained everything out of me",
      "burnout is real, I can't think about food",
    ],
  },
  {
    id: "hay_fever",
    labels: ["health_sick"],
    season: "hot",
    weight: 2,
    phrasings: ["hay fever is destroying me, eyes streaming", "pollen count is insane, I feel rubbish"],
  },
  {
    id: "frozen_treat",
    labels: ["sensory_sweet", "meal_dessert", "weather_hot"],
    season: "hot",
    weight: 3,
    when: ["afternoon", "evening"],
    phrasings: ["want something frozen and sweet", "popsicle weather, what dessert", "need an ice cold treat right now"],
  },
  {
    id: "road_trip",
    labels: ["goal_quick", "meal_snack", "social_group"],
    weight: 2,
    when: ["morning", "midday"],
    phrasings: ["driving to the coast with the crew, car snacks needed", "long drive to the coast, what do we pack"],
  },
];
