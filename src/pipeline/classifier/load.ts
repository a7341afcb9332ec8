// The model shipped in the package (models/classifier.{json,bin}): the active model of a fresh data dir.
import { packagePath } from "../../config/package-path.js";
import { readArtifact } from "./artifact.js";
import { createClassifier, type TrainedClassifier } from "./model.js";

export const SHIPPED_MODEL_NAME = "classifier";

export function shippedModelDir(): string {
  return packagePath("models");
}

/** Reads the shipped artifact (one small JSON header, one binary blob) and wraps it as a classifier. */
export function loadShippedClassifier(): TrainedClassifier {
  return createClassifier(readArtifact(shippedModelDir(), SHIPPED_MODEL_NAME));
}
