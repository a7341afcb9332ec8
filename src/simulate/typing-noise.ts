import type { Rng } from "./prng.js";

// How people actually type: shorthand, missing apostrophes, the odd slipped key.
const SHORTHAND: readonly [RegExp, string][] = [
  [/\bplease\b/g, "pls"],
  [/\bsomething\b/g, "smth"],
  [/\byou\b/g, "u"],
  [/\btonight\b/g, "tonite"],
  [/\bbecause\b/g, "cuz"],
  [/\breally\b/g, "rly"],
];

export interface NoiseRates {
  typo: number;
  shorthand: number;
  noApostrophes: number;
  lowercase: number;
  shouting: number;
}

export const DEFAULT_NOISE: NoiseRates = { typo: 0.12, shorthand: 0.15, noApostrophes: 0.25, lowercase: 0.35, shouting: 0.02 };

export function addTypingNoise(text: string, rng: Rng, rates: NoiseRates = DEFAULT_NOISE): string {
  let out = text;
  if (rng.chance(rates.shorthand)) for (const [pattern, short] of SHORTHAND) out = out.replace(pattern, short);
  if (rng.chance(rates.noApostrophes)) out = out.replace(/'/g, "");
  if (rng.chance(rates.typo)) out = slipKey(out, rng);
  if (rng.chance(rates.typo / 3)) out = slipKey(out, rng);
  if (rng.chance(rates.shouting)) return out.toUpperCase();
  if (rng.chance(rates.lowercase)) return out.toLowerCase();
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Swaps, drops or doubles one letter inside one longer word. */
function slipKey(text: string, rng: Rng): string {
  const words = [...text.matchAll(/[a-z]{4,}/gi)];
  if (words.length === 0) return text;
  const word = rng.pick(words);
  const start = word.index ?? 0;
  const i = start + 1 + rng.int(word[0].length - 2);
  const kind = rng.int(3);
  if (kind === 0) return text.slice(0, i) + (text[i + 1] ?? "") + (text[i] ?? "") + text.slice(i + 2);
  if (kind === 1) return text.slice(0, i) + text.slice(i + 1);
  return text.slice(0, i) + (text[i] ?? "") + text.slice(i);
}
