// How strongly a feeling is stated: "a bit anxious" < "anxious" < "SO anxious!!!".

import type { Token } from "../../text/tokenize.js";
import { words } from "../../text/word-list.js";
import type { Match } from "./match.js";

const BOOSTERS = new Set(
  words(`
    so very really super extremely mega incredibly totally absolutely completely utterly insanely seriously hella wicked
    damn freaking fricking fucking effing crazy beyond too majorly deeply terribly awfully painfully ridiculously
    unbelievably massively hugely ultra extra mad proper dead genuinely
  `),
);
const DAMPENERS = new Set(
  words(`
    bit little kinda sorta slightly somewhat tad mildly lowkey semi fairly touch lil abit kind sort partly maybe
  `),
);

export const BOOST = 1.3;
export const DAMPEN = 0.8;

/** Multiplier for one match: modifiers just before it, capitals or stretched letters in it, "!!" after it. */
export function intensityOf(tokens: Token[], match: Match): number {
  let factor = 1;
  for (let i = Math.max(0, match.start - 2); i < match.start; i++) {
    const token = tokens[i];
    if (token?.kind !== "word") continue;
    // "kind of" / "sort of" dampen only with their "of"; "so" and friends boost.
    if (DAMPENERS.has(token.norm) && !((token.norm === "kind" || token.norm === "sort") && tokens[i + 1]?.norm !== "of")) {
      factor = Math.min(factor, DAMPEN);
    } else if (BOOSTERS.has(token.norm) || token.elongated) {
      factor = Math.max(factor, BOOST);
    }
  }
  for (let i = match.start; i < match.end; i++) {
    const token = tokens[i];
    if (token?.caps || token?.elongated) {
      factor *= 1.2;
      break;
    }
  }
  const next = tokens[match.end];
  if (next?.kind === "punct" && next.norm.includes("!!")) factor *= 1.1;
  return factor;
}

/** Intensity of the whole text, 0.8 (hedged) to about 1.7 (shouted). */
export function overallIntensity(tokens: Token[], matches: Match[]): number {
  let max = matches.length > 0 ? 0 : 1;
  for (const match of matches) max = Math.max(max, intensityOf(tokens, match));
  return max;
}

export function isModifier(word: string): boolean {
  return BOOSTERS.has(word) || DAMPENERS.has(word);
}
