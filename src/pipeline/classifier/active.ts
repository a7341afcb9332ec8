import type { Store } from "../../store/store.js";
import { deserializeArtifact } from "./artifact.js";
import { loadShippedClassifier } from "./load.js";
import { createClassifier, type TrainedClassifier } from "./model.js";

/** The classifier queries use: the promoted version in the store, else the one shipped with the package. */
export async function loadActiveClassifier(store: Store): Promise<TrainedClassifier> {
  const row = await store.models.active();
  if (!row) return loadShippedClassifier();
  return createClassifier(deserializeArtifact(row.header, row.weights));
}

/** Version and held-out confidence distribution of the active model (the drift `model` baseline). */
export async function activeModelInfo(store: Store): Promise<{ version: string; confidenceReference: number[] }> {
  const { header } = (await loadActiveClassifier(store)).artifact;
  return { version: header.version, confidenceReference: header.confidence_reference };
}

/** A named version: a stored one, or the shipped one; undefined when the store has no such version. */
export async function loadClassifierVersion(store: Store, version: string): Promise<TrainedClassifier | undefined> {
  const row = await store.models.get(version);
  if (row) return createClassifier(deserializeArtifact(row.header, row.weights));
  const shipped = loadShippedClassifier();
  return shipped.version === version ? shipped : undefined;
}
