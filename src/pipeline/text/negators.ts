// The negation vocabulary of the whole understanding stack, spelled as tokens are (lowercase, apostrophes dropped:
// "don't" -> "dont"). Each reader takes the groups it needs from here; none keeps a list of its own.
import { phrases, words } from "./word-list.js";

/** Negate whatever follows: "no spicy", "without dairy", "nothing sweet". */
const PLAIN = words("no nothing never without except");
/** Deny a state more than they rule a food out: "not vegan", "isn't spicy". */
const DENIALS = words("not none nor isnt arent wasnt werent");
// Negated auxiliaries negate the verb after them ("can't have nuts"), never a thing on their own ("can't wait for dessert").
/** "do" denies a fact: "I don't have celiac", "she doesn't eat meat". */
const DO_NOTS = words("dont doesnt didnt");
/** A modal states an inability or a rule: "can't have nuts", "won't eat meat" (but "won't wreck my celiac kid"). */
const MODAL_NOTS = words("cant cannot wont shouldnt mustnt");
/** Keep a food away: "avoid gluten", "zero sugar". */
const AVOIDANCE = words("avoid avoids avoiding zero");
/** Dislike or cut back, a matter of taste: "hate coriander", "skip dessert", "less salt". */
// Third person too: someone else's dislike ("my partner hates seafood") rules the food out all the same.
const DISTASTE = words("skip skipping skipped hate hates hated dislike dislikes detest detests loathe loathes quit quitting less");
/** Say a diet is over: "ex-vegan", "used to be vegetarian". */
const LAPSED = words("ex former formerly used stopped quit");

/** Every single word that negates. */
export const NEGATORS: ReadonlySet<string> = new Set([...PLAIN, ...DENIALS, ...DO_NOTS, ...MODAL_NOTS, ...AVOIDANCE, ...DISTASTE]);
/** Words that rule a food out as a hard constraint ("no meat", "can't have eggs", "avoid gluten"). */
export const FOOD_EXCLUDERS: ReadonlySet<string> = new Set([...PLAIN, ...DO_NOTS, ...MODAL_NOTS, ...AVOIDANCE]);
/** Words that cancel a diet or allergy stated right after them ("I'm not vegan", "ex-vegan", "no peanut allergy"). */
export const STATE_CANCELLERS: ReadonlySet<string> = new Set([...PLAIN, ...DENIALS, ...DO_NOTS, ...LAPSED]);

/** Phrases that rule out the labels after them (negation scopes): the single negators but the auxiliaries, and longer cues. */
export const PREFIX_CUES: readonly string[][] = [
  ...[...PLAIN, ...DENIALS, ...AVOIDANCE, ...DISTASTE].map((word) => [word]),
  ...phrases(`
    no more | not too | nothing too | not in the mood for | not in the mood | not feeling | not craving | not a fan of
    | no need for | dont want | do not want | dont feel like | dont need | didnt want | dont like | dont crave | anything
    but | anything except | everything but | except for | other than | hold the | cut out | cutting out | cutting back on
    | lay off | give up | giving up | gave up | pass on | can do without | cant do | cant have | cant handle | cant stand
    | cant eat | cant stomach | cant take | instead of | rather than | not into | steer clear of | im off | staying off |
    no longer eating | not eating | stay away from | keep away from | free of | could do without | sick of | tired of |
    bored of | fed up with | done with | not another | cant do another | dont give me | not hungry for | without any |
    hold off on | im over | i am over | dont even think about | dont even mention | dont talk to me about | no to | minus
    the | dont do | go easy on | had enough of | enough of | so over | im so over | wont eat | wont touch | doesnt eat |
    dont eat | doesnt like | doesnt do | not that im | not that i am | not because im | rather
    not | would rather not | id rather not | anything other than | something other than
  `),
];

/** Cues that are also mood triggers ("sick of" is emotion_bored): they rule out the food after them all the same. */
export const CUES_INSIDE_TRIGGERS: ReadonlySet<string> = new Set(
  phrases(
    "sick of | tired of | bored of | fed up with | done with | not another | cant do another | had enough of | so over | hate | hates | not hungry for",
  ).map((cue) => cue.join(" ")),
);

/** Cues of taste ("hate", "avoid") rule out foods and needs, never a mood or the weather ("hate being cold"). */
export const TASTE_CUES: ReadonlySet<string> = new Set([
  ...AVOIDANCE,
  ...DISTASTE,
  ...phrases(`
    minus the | dont do | go easy on | im over | i am over | dont even think about | could do without | without any | free
    of | not craving | dont give me | not hungry for | hold off on | no longer eating | not eating | stay away from | keep
    away from | staying off | sick of | tired of | bored of | fed up with | done with | not another | cant do another |
    im off | cant stand | not a fan of | dont like | not into | steer clear of | give up | giving up | gave up | cut out |
    cutting out | cutting back on | lay off | had enough of | enough of | so over | im so over | wont eat | wont touch |
    doesnt eat | dont eat | doesnt like | doesnt do | allergic to | rather not | would rather not | id rather not
  `).map((cue) => cue.join(" ")),
]);

/** Phrases that rule out what came just before them: "dessert is off the table". */
export const SUFFIX_CUES: readonly string[][] = phrases(`
  off the table | no thanks | is a no | not today | not for me | is out | are out | not an option | off limits | can
  wait | is a no go | please no | nah | nope | no way | hard no | is a hard no | ill pass | not happening
`);
