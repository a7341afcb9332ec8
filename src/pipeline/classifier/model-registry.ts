import { UserError } from "../../errors.js";
import type { Store } from "../../store/store.js";
import type { ArtifactHeader, ClassifierArtifact } from "./artifact.js";
import { serializeArtifact } from "./artifact-write.js";
import { CANDIDATE_KEY, candidateVersion } from "./candidate.js";
import { loadShippedClassifier } from "./load.js";

export { candidateVersion };

export interface ModelSummary {
  version: string;
  source: "shipped" | "trained";
  active: boolean;
  trained_at: string;
  data_hash: string;
  heldout_macro_f1: number;
  heldout_ece: number;
}

const summary = (header: ArtifactHeader, source: ModelSummary["source"], active: boolean): ModelSummary => ({
  version: header.version,
  source,
  active,
  trained_at: header.trained_at,
  data_hash: header.data_hash,
  heldout_macro_f1: header.heldout_metrics.macro_f1,
  heldout_ece: header.heldout_metrics.ece,
});

/** Names the A/B candidate (a stored or the shipped version); undefined clears it. Returns the candidate now named. */
export async function setCandidate(store: Store, version: string | undefined, now: number): Promise<string | null> {
  if (version === undefined) {
    await store.transaction(() => store.meta.delete(CANDIDATE_KEY));
    return null;
  }
  const shipped = loadShippedClassifier().artifact.header.version;
  if (version !== shipped && !(await store.models.get(version)))
    throw new UserError("unknown_model", `No model version ${version}; see moodfood models list.`);
  await store.transaction(() => store.meta.set(CANDIDATE_KEY, version, now));
  return version;
}

/** `models list`: the shipped model plus every trained version in the store, which one answers queries, and the A/B candidate. */
export async function listModels(store: Store): Promise<{ active: string; candidate: string | null; models: ModelSummary[] }> {
  const shipped = loadShippedClassifier().artifact.header;
  const stored = (await store.models.list()).map((m) => ({ header: JSON.parse(m.header) as ArtifactHeader, active: m.active }));
  const activeStored = stored.find((m) => m.active);
  const models = [
    ...stored.filter((m) => m.header.version !== shipped.version).map((m) => summary(m.header, "trained", m.active)),
    summary(shipped, "shipped", !activeStored || activeStored.header.version === shipped.version),
  ];
  return { active: activeStored?.header.version ?? shipped.version, candidate: await candidateVersion(store), models };
}

/** Saves a trained version into the store (not active until promoted). */
export async function saveModel(store: Store, artifact: ClassifierArtifact, now: number): Promise<void> {
  const { header, blob } = serializeArtifact(artifact, `${artifact.header.version}.bin`);
  await store.transaction(() => store.models.save(artifact.header.version, header, blob, now));
}

/** Makes a version the one queries use; the shipped version clears any promotion. */
export async function promoteModel(store: Store, version: string): Promise<string> {
  const shipped = loadShippedClassifier().artifact.header.version;
  if (version === shipped) {
    await store.models.activate(undefined);
    return shipped;
  }
  if (!(await store.models.get(version))) throw new UserError("unknown_model", `No model version ${version}; see moodfood models list.`);
  await store.models.activate(version);
  return version;
}
