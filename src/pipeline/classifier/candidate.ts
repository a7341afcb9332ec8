// The A/B candidate's name lives in the store (meta), so every process routes to the same version.
import type { Store } from "../../store/store.js";

export const CANDIDATE_KEY = "models.candidate";

/** The A/B candidate's version (MOODFOOD_AB_SPLIT routes a share of queries to it), or null. */
export async function candidateVersion(store: Store): Promise<string | null> {
  return ((await store.meta.get(CANDIDATE_KEY))?.value as string | undefined) ?? null;
}
