// Which language a query is written in, as far as telling English from the languages people most often type instead.
// The parser and the classifier read English only, so an answer to anything else must say so (a `language` notice).

/** Common function words of each language that are not also English words ("a", "me", "no" are left out). */
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  Spanish:
    "estoy estas esta muy mucho mucha tengo tienes quiero hace hoy pero para algo comer porque hambre triste cansado cansada que los las del una unos",
  French: "je suis tres avec pour pas une des les est mais quelque chose manger faim aujourdhui triste fatigue fatiguee jai veux sans",
  German: "ich sehr und nicht mit fur ein eine etwas essen heute aber der das ist mude traurig habe mochte kein",
  Italian: "sono molto voglio oggi qualcosa mangiare perche stanco stanca triste della una gli",
  Portuguese: "estou muito tenho quero hoje fome alguma coisa comer cansado cansada triste com para nao uma voce",
};

const LEXICON = new Map<string, string[]>();
for (const [language, list] of Object.entries(FUNCTION_WORDS)) {
  for (const word of list.split(" ")) LEXICON.set(word, [...(LEXICON.get(word) ?? []), language]);
}

/** Scripts that are not Latin: a query written in one is not English whatever its words. */
const SCRIPTS: readonly [string, RegExp][] = [
  ["Japanese", /[\u3040-\u30ff]/],
  ["Korean", /[\uac00-\ud7af]/],
  ["Chinese", /[\u4e00-\u9fff]/],
  ["Russian or another Cyrillic-script language", /[\u0400-\u04ff]/],
  ["Arabic", /[\u0600-\u06ff]/],
  ["Hebrew", /[\u0590-\u05ff]/],
  ["Hindi or another Devanagari-script language", /[\u0900-\u097f]/],
  ["Thai", /[\u0e00-\u0e7f]/],
  ["Greek", /[\u0370-\u03ff]/],
];

/** Share of the words that must be foreign, and how many at least, before a Latin-script query counts as foreign. */
const FOREIGN_SHARE = 0.4;
const MIN_FOREIGN_WORDS = 2;

/**
 * The language of the text when it is clearly not English, else null. `words` are the query's normalised word tokens
 * (lowercase, accents and apostrophes dropped).
 */
export function foreignLanguage(text: string, words: readonly string[]): string | null {
  for (const [language, script] of SCRIPTS) if (script.test(text)) return language;
  const votes = new Map<string, number>();
  let foreign = 0;
  for (const word of words) {
    const languages = LEXICON.get(word);
    if (!languages) continue;
    foreign++;
    for (const language of languages) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  if (foreign < MIN_FOREIGN_WORDS || foreign < FOREIGN_SHARE * words.length) return null;
  let best: string | null = null;
  let bestVotes = 0;
  for (const [language, count] of votes) if (count > bestVotes) [best, bestVotes] = [language, count];
  return best;
}
