import type { Store } from "../../store/store.js";
import { deserializeArtifact } from "./artifact.js";
import { loadShippedClassifier } from "./load.js";
import { createClassifier, type TrainedClassifier } from "./model.js";

/** The classifier queries use: the promoted version in the store, else the one shipped with the package. */
export function loadActiveClassifier(store: Store): TrainedClassifier {
  const row = store.models.active();
  if (!row) return loadShippedClassifier();
  return createClassifier(deserializeArtifact(row.header, row.weights));
}

/** Version and held-out confidence distribution of the active model (the drift `model` baseline). */
export function activeModelInfo(store: Store): { version: string; confidenceReference: number[] } {
  const { header } = loadActiveClassifier(store).artifact;
  return { version: header.version, confidenceReference: header.confidence_reference };
}

/** A named version: a stored one, or the shipped one; undefined when the store has no such version. */
export function loadClassifierVersion(store: Store, version: string): TrainedClassifier | undefined {
  const row = store.models.get(version);
  if (row) return createClassifier(deserializeArtifact(row.header, row.weights));
  const shipped = loadShippedClassifier();
  return shipped.version === version ? shipped : undefined;
}
