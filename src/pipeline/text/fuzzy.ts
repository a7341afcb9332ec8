// Spelling tolerance: a typed word is read as a lexicon word when it is one or two edits away.
import { listHas } from "./word-list.js";

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `max`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Common words one edit away from a lexicon word that must not be "corrected"
 * (tried is not tired, lovely is not lonely). Searched as text: no set of 700 words built per process.
 */
const NOT_TYPOS = `
    starting standing friendly stocking streaming replaying slack sneaking snapping stacking sticking smacking storing
    startling stinging stripping shopping sleeping swapping stepping stopping skipping snowing showing slowing stowing
    reading please front tried tries timed tided tires hippy borne boned unset sheet quack quirk launch parts pasty
    patty parry daily diary carry curly cured fewer along atone fiver river sweats hunger hungary angle angles bowed
    coming crying drying trying frying prying snake snacked dinners diners lunches partly parity parties comforter
    somethings smother starring staring hurray harry relay relaxes alike alive aloe alone spice space sweep swept sweat
    swear chilli chill chills rains reins ruins runny humor human humid famine frees freezer summon simmer boring bring
    bearing boxing board boards lovely lively bread winner thinner tweet crunchy salsa party sorry story start stars
    stage state tight might right night fight sight eight light lights steal stale stall small smell spell spill still
    style taste tasty waste paste haste chase cheap cheat chest check cheek sleep sleepy steep sheep shelf shell spent
    scent sense tense terse these those there their where whole while white write wrote words works world worse worst
    worth hours house mouse horse heart heard hears heavy happen hoppy happened lonesome loved lover lower power tower
    shower showers flower flour floor float treats trees three threw throw thrown cream dream dreamy creamer steam
    stream strong string sting stink think thing things thank thanks drink drank drunk drunken trunk truck stuck stick
    snick stack stake shake shaken brake break bleak black block blank bland brand grand grind bored borrowed angel
    anger hungry dinner diner manger mango mangos crisp crash cross crust trust burst burnt bunch punch lunch munch
    hunch brunch branch french trench fresh flesh flash flask salad salads slice spicy spine shine shiny shined sunny
    funny bunny sunday monday mondays tuesday friday fridays saturday summer dimmer glass grass gross grease greasy
    greens greet green great treat tread bright fright freight weight weigh height sleigh cheers chairs cheese choose
    chose close cloud clouds proud prove proof roast coast toast boast beast feast least yeast heated headed healed
    leave leaves movie moved mover moves hover cover clover loves later layer water wafer eater eaten beaten beating
    seating sating rating eating heating hating dating waiting writing wiring hiring tiring firing spring sprint print
    point paint faint saint joint pints plans plants plates places planet plenty twenty thirty forty fifty sixty quiet
    quite quilt guilt built suits fruit fruits fried fries friend friends fiend bride pride price prize rice spiced
    sliced spiral shift shirt short sport spots stove stone store storm storms stormy starry curry hurry worry furry
    blurry berry berries merry marry cherry sherry tired tiled tamed named games gamer homes hopes holes cozy crazy lazy
    hazy haze maze gaze craze brazen frozen dozen boiled spoiled soiled toiled coiled coring poring roaring soaring
    sadder ladder madder bladder hatter matter better letter setter bitter sitter litter butter batter platter starved
    started stared stores scored scares scarred snored stocked stoked smoked smoker stoner stones steak speak sneak
    sneaky snacky snacks quick quirky picky pinky pricey prices spices slices juice juicy noisy noise nosey lately
    latest lastly latte lattes pasta pastas pastry pantry gentle genre single singe tingle tingly jingle mingle angels
    cheesy cheery cheeky creepy crepey sleek sweet sweets sweaty sweater seated heater eaters theater theatre cheater
    sweeter warmer warner warning warming morning mourning burning turning learning earning yearning calming calling
    falling filling killing willing chilling chilly chili hilly silly billy frilly grilly grill grilled drilled thrilled
    chilled spilled filled killed milled dilled bills
  `;

export function isNotTypo(word: string): boolean {
  return listHas(NOT_TYPOS, word);
}

/**
 * The lexicon word a typo most likely meant: same first letter, one edit for words of 5-7
 * letters, two for longer ones. Ambiguous or excluded words get no correction.
 */
export function correctSpelling(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length < 5 || isNotTypo(word)) return undefined;
  const max = maxEdits(word);
  let best: string | undefined;
  let bestDistance = max + 1;
  let tied = false;
  for (const candidate of candidates) {
    if (candidate[0] !== word[0]) continue;
    const distance = boundedEditDistance(word, candidate, max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance && distance <= max && candidate !== best) {
      tied = true;
    }
  }
  return best !== undefined && !tied && bestDistance <= max ? best : undefined;
}

export function maxEdits(word: string): number {
  return word.length >= 8 ? 2 : 1;
}
