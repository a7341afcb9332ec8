import type { Situation } from "./situation.js";

// Bodily needs, cravings and health. Written for traffic simulation only.
export const NEED_SITUATIONS: Situation[] = [
  {
    id: "post_workout",
    labels: ["goal_energy", "goal_healthy"],
    weight: 3,
    phrasings: [
      "leg day done, I need protein",
      "about to run a half marathon sunday, what should I fuel with",
      "back from spin class and ravenous",
      "climbing session wrecked my arms, refuel me",
    ],
  },
  {
    id: "eat_clean",
    labels: ["goal_healthy", "goal_light"],
    weight: 3,
    phrasings: [
      "trying to eat clean this week, ideas for {meal}",
      "something green and not fried please",
      "doctor said watch my cholesterol, what's a good {meal}",
      "detox week after the holidays, keep it fresh",
    ],
  },
  {
    id: "treat",
    labels: ["goal_indulgence"],
    weight: 3,
    when: ["evening", "night"],
    phrasings: [
      "treat myself night, go big",
      "want the cheesiest, greasiest thing possible",
      "cheat day and I intend to use it",
      "diet starts monday, tonight I want decadence",
    ],
  },
  {
    id: "desk_lunch",
    labels: ["goal_quick", "meal_lunch", "occasion_work"],
    weight: 4,
    when: ["midday"],
    phrasings: [
      "twenty minute lunch break between calls",
      "desk lunch again, need it fast",
      "quick work lunch I can eat with one hand",
      "only have a short break before the 1pm meeting",
    ],
  },
  {
    id: "munchies",
    labels: ["meal_late_night", "meal_snack"],
    weight: 3,
    when: ["night"],
    phrasings: [
      "it's 1am and I'm starving",
      "can't sleep and the fridge is calling",
      "midnight hunger hit hard, what can I make quietly",
      "gaming all night, need something to nibble",
    ],
  },
  {
    id: "sweet_tooth",
    labels: ["sensory_sweet", "meal_dessert"],
    weight: 3,
    when: ["afternoon", "evening"],
    phrasings: [
      "need something sweet after {meal}",
      "chocolate emergency",
      "craving dessert badly, anything with caramel",
      "my sugar cravings are out of control {when}",
    ],
  },
  {
    id: "heat_seeker",
    labels: ["sensory_spicy"],
    weight: 2,
    phrasings: [
      "want something that makes my nose run, the hotter the better",
      "bring on the chili, I want to sweat",
      "craving real heat, not the mild stuff",
    ],
  },
  {
    id: "crunch",
    labels: ["sensory_crunchy", "meal_snack"],
    weight: 2,
    when: ["afternoon", "evening"],
    phrasings: [
      "want something with a good crunch to munch on",
      "need a crispy snack for the movie",
      "craving crunchy stuff, not chips though",
    ],
  },
  {
    id: "creamy",
    labels: ["sensory_creamy", "goal_comfort"],
    weight: 2,
    phrasings: [
      "want something rich and creamy and soft",
      "in the mood for something velvety and comforting",
      "craving a creamy bowl of something {when}",
    ],
  },
  {
    id: "overate",
    labels: ["goal_light"],
    weight: 2,
    phrasings: [
      "ate way too much at the wedding yesterday",
      "still stuffed from the buffet, something small",
      "overdid it yesterday, keep {meal} tiny",
    ],
  },
  {
    id: "rushed_breakfast",
    labels: ["meal_breakfast", "goal_quick"],
    weight: 3,
    when: ["morning"],
    phrasings: [
      "running late, grab-and-go breakfast",
      "overslept, need breakfast in five minutes",
      "school run chaos, what's a fast morning bite",
    ],
  },
  {
    id: "slow_brunch",
    labels: ["meal_breakfast", "social_couple"],
    weight: 2,
    when: ["morning", "midday"],
    phrasings: [
      "lazy saturday brunch with my partner",
      "long weekend breakfast for the two of us",
      "slow morning with my girlfriend, what should we cook",
    ],
  },
  {
    id: "flu",
    labels: ["health_sick", "goal_comfort"],
    weight: 3,
    phrasings: [
      "sore throat and a stuffy nose, feeling awful",
      "home with the flu, everything aches",
      "caught a cold from the kids, what's good when you're ill",
      "running a temperature, need something gentle",
    ],
  },
  {
    id: "upset_stomach",
    labels: ["health_sick", "goal_light"],
    weight: 2,
    phrasings: [
      "stomach's upset, something easy to digest",
      "queasy since this morning, bland food ideas",
      "tummy bug, what can I keep down",
    ],
  },
  {
    id: "hangover",
    labels: ["health_hangover"],
    weight: 2,
    when: ["morning", "midday"],
    phrasings: [
      "tequila shots were a bad idea, skull is splitting",
      "office party was a mistake, I'm dying",
      "rough morning after the stag do",
      "wine hangover, need rescuing",
    ],
  },
];
