import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArtifactHeader } from "../pipeline/classifier/artifact.js";
import { SHIPPED_MODEL_NAME, shippedModelDir } from "../pipeline/classifier/load.js";

/** What the scrape shows of a model: its version and held-out top-label accuracy. */
export interface ModelFacts {
  version: string;
  accuracy: number | undefined;
}

const parsed = new Map<string, ModelFacts | undefined>();

/** Facts from a model header (JSON); memoised by `key`, since a version's header never changes. */
export function factsFromHeader(headerJson: string, key: string): ModelFacts | undefined {
  if (parsed.has(key)) return parsed.get(key);
  let facts: ModelFacts | undefined;
  try {
    const header = JSON.parse(headerJson) as Partial<ArtifactHeader>;
    const accuracy = header.heldout_metrics?.top_label_accuracy;
    if (typeof header.version === "string")
      facts = { version: header.version, accuracy: typeof accuracy === "number" ? accuracy : undefined };
  } catch {
    facts = undefined; // an unreadable header shows no accuracy rather than failing the scrape
  }
  parsed.set(key, facts);
  return facts;
}

/** The model shipped in the package (active until one is promoted); undefined if it cannot be read. */
export function readShippedModelFacts(): ModelFacts | undefined {
  try {
    const path = join(shippedModelDir(), `${SHIPPED_MODEL_NAME}.json`);
    return factsFromHeader(readFileSync(path, "utf8"), `shipped:${path}`);
  } catch {
    return undefined;
  }
}
