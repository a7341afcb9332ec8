// Which taxonomy labels the user rules out: "nothing spicy", "skipping dessert", "anything but sweet".
import { type Lexicon, sharedLexicon } from "./providers/local/lexicon.js";
import { analyseText, type Match } from "./providers/local/match.js";
import { CUES_INSIDE_TRIGGERS, PREFIX_CUES, SUFFIX_CUES, TASTE_CUES } from "./text/negators.js";
import type { Token } from "./text/tokenize.js";
import { words } from "./text/word-list.js";

/** Words that end a negation's reach: a new clause or a contrast. */
const SCOPE_BREAKERS = new Set(
  words(`
    but just instead though although because cause cuz since while yet rather i im ive id ill we weve he hes she shes
    they theyre it its my our want wanna need prefer so then maybe craving
  `),
);
/** Words that continue a list under one negation ("no sweets or desserts") when a trigger follows. */
const LIST_JOINERS = new Set([",", "and", "or", "nor", "&"]);
const MAX_SCOPE = 4;
const TASTE_CATEGORIES = new Set(["sensory", "meal", "cuisine", "goal", "diet"]);

export interface NegationScope {
  cueStart: number;
  /** The cue only rules out foods and needs (see TASTE_CUES). */
  tasteOnly: boolean;
  /** Token range the cue governs: [from, to). */
  from: number;
  to: number;
}

interface Cue {
  words: string[];
  /** Counts even inside a trigger match (CUES_INSIDE_TRIGGERS). */
  insideTriggers: boolean;
}

/** Cues grouped by their first word, so each token checks only the few cues that could start there. */
function indexCues(cues: readonly string[][]): Map<string, Cue[]> {
  const index = new Map<string, Cue[]>();
  for (const words of cues) {
    const cue = { words, insideTriggers: CUES_INSIDE_TRIGGERS.has(words.join(" ")) };
    const first = words[0] ?? "";
    const bucket = index.get(first);
    if (bucket) bucket.push(cue);
    else index.set(first, [cue]);
  }
  return index;
}

const PREFIX_INDEX = indexCues(PREFIX_CUES);
const SUFFIX_INDEX = indexCues(SUFFIX_CUES);

/** Length in tokens of the longest cue starting at token i, or 0. */
function cueAt(tokens: Token[], i: number, index: Map<string, Cue[]>, taken: boolean[]): number {
  let best = 0;
  for (const cue of index.get(tokens[i]?.norm ?? "") ?? []) {
    if (cue.words.length <= best) continue;
    let fits = true;
    for (let k = 0; k < cue.words.length && fits; k++) fits = tokens[i + k]?.norm === cue.words[k] && (cue.insideTriggers || !taken[i + k]);
    if (fits) best = cue.words.length;
  }
  return best;
}

/** Tokens inside a strong trigger ("no time" is goal_quick); weak ones ("~fan") do not hide a cue ("not a fan of"). */
function takenByMatches(tokens: Token[], matches: Match[]): boolean[] {
  const taken = new Array<boolean>(tokens.length).fill(false);
  for (const match of matches) {
    let strong = false;
    for (const entry of match.pattern.labels) if (entry.weight >= 0.5) strong = true;
    if (!strong) continue;
    for (let i = match.start; i < match.end; i++) taken[i] = true;
  }
  return taken;
}

/** The token ranges governed by negation cues that are not part of a trigger ("no time" is goal_quick). */
export function negationScopes(tokens: Token[], matches: Match[]): NegationScope[] {
  const taken = takenByMatches(tokens, matches);
  const startsMatch = new Set<number>();
  for (const match of matches) startsMatch.add(match.start);
  const scopes: NegationScope[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const length = cueAt(tokens, i, PREFIX_INDEX, taken);
    if (length === 0 || (tokens[i]?.norm === "less" && tokens[i + 1]?.norm === "than")) continue;
    const from = i + length;
    let to = from;
    while (to < tokens.length && to - from < MAX_SCOPE) {
      const token = tokens[to];
      if (token === undefined) break;
      if (LIST_JOINERS.has(token.norm)) {
        if (!startsMatch.has(to + 1)) break;
      } else if (token.kind === "punct" || (!taken[to] && SCOPE_BREAKERS.has(token.norm) && to > from)) {
        break;
      }
      to++;
    }
    let cue = tokens[i]?.norm ?? "";
    for (let k = i + 1; k < i + length; k++) cue += ` ${tokens[k]?.norm ?? ""}`;
    scopes.push({ cueStart: i, tasteOnly: TASTE_CUES.has(cue), from, to });
    i = from - 1;
  }
  return scopes;
}

/** Labels of matches that a suffix cue rules out ("spicy is off the table"). */
function suffixNegated(tokens: Token[], matches: Match[], taken: boolean[]): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (cueAt(tokens, i, SUFFIX_INDEX, taken) === 0) continue;
    const before = matches.filter((match) => match.end <= i && match.end >= i - 2);
    const nearest = before[before.length - 1];
    if (nearest) out.push(nearest);
  }
  return out;
}

/**
 * Labels ruled out in already-matched tokens. A label stays when it is also said outside any negation
 * ("not a big eater in the morning, something for breakfast" keeps meal_breakfast). Diet labels are
 * only negated right after the cue ("not vegan"): "no dairy" is a diet, not a negation.
 */
export function negatedLabelsFrom(tokens: Token[], matches: Match[], lexicon: Lexicon): string[] {
  const negated = new Set<string>();
  const negatedMatches = new Set<Match>();
  const dislikes = new Set<string>();
  const rule = (match: Match, directlyAfterCue: boolean, tasteOnly: boolean): void => {
    negatedMatches.add(match);
    for (const { label, weight } of match.pattern.labels) {
      const category = lexicon.categories.get(label) ?? "";
      if (category === "diet" && !directlyAfterCue) continue;
      if (tasteOnly && !TASTE_CATEGORIES.has(category)) continue;
      // "no coffee" says nothing about being tired: a weak hint of a state is not ruled out with it.
      if (!TASTE_CATEGORIES.has(category) && weight < 0.5) continue;
      negated.add(label);
    }
  };
  for (const scope of negationScopes(tokens, matches)) {
    // The first trigger in reach is ruled out, and the next ones only when listed with it ("sweets or cake").
    let listed = true;
    let ruledFood = false;
    for (const match of matches) {
      if (match.start < scope.from || match.start >= scope.to) continue;
      if (!listed) break;
      rule(match, match.start === scope.from, scope.tasteOnly);
      ruledFood ||= match.pattern.labels.some(({ label }) => TASTE_CATEGORIES.has(lexicon.categories.get(label) ?? ""));
      listed = LIST_JOINERS.has(tokens[match.end]?.norm ?? "");
    }
    // A cue that is also a mood trigger reads as dislike when a food follows: "tired of pasta" is not fatigue,
    // "I hate curry" is not anger.
    if (ruledFood)
      for (const match of matches)
        if (match.start <= scope.cueStart && match.end > scope.cueStart && match.end <= scope.from)
          for (const { label } of match.pattern.labels) if (!TASTE_CATEGORIES.has(lexicon.categories.get(label) ?? "")) dislikes.add(label);
  }
  for (const match of suffixNegated(tokens, matches, takenByMatches(tokens, matches))) rule(match, false, false);
  for (const match of matches) {
    if (negatedMatches.has(match)) continue;
    // A cuisine ruled out by name stays out when a dish of it comes up later ("anything but Mexican, we had burritos").
    for (const { label, weight } of match.pattern.labels)
      if (weight >= 0.5 && lexicon.categories.get(label) !== "cuisine") negated.delete(label);
  }
  for (const match of matches) for (const label of match.pattern.negates) negated.add(label);
  for (const label of dislikes) negated.add(label);
  return [...negated];
}

export interface NegationReading {
  /** Taxonomy labels ruled out ("nothing spicy" -> ["sensory_spicy"]). */
  labels: string[];
  /** Words a negation governs ("anything but pizza" -> ["pizza"]): dishes named or made with them are left out. */
  words: string[];
}

/** What a query explicitly rules out: taxonomy labels and the words under a negation. */
export function readNegation(text: string): NegationReading {
  const lexicon = sharedLexicon();
  const { tokens, matches } = analyseText(text, lexicon);
  const governed: string[] = [];
  for (const scope of negationScopes(tokens, matches))
    for (let i = scope.from; i < scope.to; i++) if (tokens[i]?.kind === "word") governed.push(tokens[i]?.norm ?? "");
  return { labels: negatedLabelsFrom(tokens, matches, lexicon), words: governed };
}

/** The labels a query explicitly rules out, in taxonomy names ("nothing spicy" -> ["sensory_spicy"]). */
export function findNegatedLabels(text: string): string[] {
  return readNegation(text).labels;
}
