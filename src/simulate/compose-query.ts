import { CLOSERS, DEFAULT_EMOJI, DIET_REMARKS, EMOJI_BY_LABEL, MEAL_BY_PART, OPENERS, WHEN_BY_PART, WHO } from "./phrase-bank/fillers.js";
import type { DayPart, Situation } from "./phrase-bank/situation.js";
import type { Rng } from "./prng.js";
import { addTypingNoise } from "./typing-noise.js";

export interface ComposedQuery {
  text: string;
  /** The labels the person meant: the situation's plus those its slots and remarks add. */
  intended: string[];
}

const DIET_REMARK_RATE = 0.08;
const EMOJI_RATE = 0.18;

/** One query a person in `situation` might type at this part of the day. */
export function composeQuery(situation: Situation, part: DayPart, rng: Rng): ComposedQuery {
  const intended = new Set(situation.labels);
  const core = rng.pick(situation.phrasings).replace(/\{(meal|when|who)\}/g, (_, slot: string) => {
    if (slot === "when") return rng.pick(WHEN_BY_PART[part]);
    const fragment = rng.pick(slot === "meal" ? MEAL_BY_PART[part] : WHO);
    for (const label of fragment.labels) intended.add(label);
    return fragment.text;
  });
  let text = `${rng.pick(OPENERS)}${core}`;
  if (rng.chance(DIET_REMARK_RATE)) {
    const remark = rng.pick(DIET_REMARKS);
    text += remark.text;
    for (const label of remark.labels) intended.add(label);
  }
  text = addTypingNoise(`${text}${rng.pick(CLOSERS)}`, rng);
  if (rng.chance(EMOJI_RATE)) text += ` ${rng.pick(emojiFor(situation))}`;
  return { text, intended: [...intended] };
}

function emojiFor(situation: Situation): readonly string[] {
  for (const label of situation.labels) {
    const emoji = EMOJI_BY_LABEL[label];
    if (emoji) return emoji;
  }
  return DEFAULT_EMOJI;
}
