import { hash32 } from "../hashing.js";
import { loadClassifierVersion } from "../pipeline/classifier/active.js";
import { candidateVersion } from "../pipeline/classifier/candidate.js";
import type { TrainedClassifier } from "../pipeline/classifier/model.js";
import type { MoodClassifier } from "../pipeline/types.js";
import type { Store } from "../store/store.js";

/** How long a process trusts the candidate it read from the store (`models candidate` in another process). */
const CANDIDATE_TTL_MS = 10_000;

/**
 * Per-query A/B routing: with a candidate named and MOODFOOD_AB_SPLIT > 0, that share of queries goes to it.
 * A query with a user id goes where a hash of the id says (the same person always sees the same model);
 * without one, each query draws at random.
 */
export function abRouter(store: Store, split: number, random: () => number = Math.random) {
  const loaded = new Map<string, TrainedClassifier | undefined>();
  let named: { version: string | null; readAt: number } | undefined;
  const candidate = async (): Promise<TrainedClassifier | undefined> => {
    const now = Date.now();
    if (!named || now - named.readAt > CANDIDATE_TTL_MS) named = { version: await candidateVersion(store), readAt: now };
    const version = named.version;
    if (version === null) return undefined;
    if (!loaded.has(version)) loaded.set(version, await loadClassifierVersion(store, version));
    return loaded.get(version);
  };
  return async (active: MoodClassifier, userId: string | null | undefined): Promise<MoodClassifier> => {
    if (split <= 0) return active;
    const draw = userId ? userShare(userId) : random();
    if (draw >= split) return active;
    const chosen = await candidate();
    return chosen && chosen.version !== active.version ? chosen : active;
  };
}

/** A fixed number in [0, 1) per user id. */
export const userShare = (userId: string): number => hash32(userId, 0x9e3779b9) / 2 ** 32;
