// The A/B candidate's name lives in the store (meta), so every process routes to the same version.
import type { Store } from "../../store/store.js";

export const CANDIDATE_KEY = "models.candidate";

/** The A/B candidate's version (MOODFOOD_AB_SPLIT routes a share of queries to it), or null. */
export function candidateVersion(store: Store): string | null {
  return store.meta.get<string>(CANDIDATE_KEY)?.value ?? null;
}
