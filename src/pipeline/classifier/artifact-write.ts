// Writing a model (training time only): kept apart from artifact.ts so the query path never loads node:crypto.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type ArtifactHeader, type ClassifierArtifact, WEIGHTS_LAYOUT } from "./artifact.js";

export function serializeArtifact(artifact: ClassifierArtifact, weightsFile: string): { header: string; blob: Buffer } {
  const parts = [artifact.buckets, artifact.bias, artifact.scales, artifact.weights];
  const blob = Buffer.concat(parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength)));
  const header: ArtifactHeader = {
    ...artifact.header,
    weights: {
      file: weightsFile,
      layout: WEIGHTS_LAYOUT,
      features: artifact.buckets.length,
      bytes: blob.byteLength,
      sha256: createHash("sha256").update(blob).digest("hex"),
    },
  };
  return { header: `${JSON.stringify(header, null, 1)}\n`, blob };
}

/** Writes <name>.json and <name>.bin into dir (each via a temporary file, so readers never see half a model). */
export function writeArtifact(
  dir: string,
  artifact: ClassifierArtifact,
  name: string = artifact.header.version,
): { headerPath: string; weightsPath: string } {
  mkdirSync(dir, { recursive: true });
  const { header, blob } = serializeArtifact(artifact, `${name}.bin`);
  const headerPath = join(dir, `${name}.json`);
  const weightsPath = join(dir, `${name}.bin`);
  writeFileSync(`${weightsPath}.tmp`, blob);
  renameSync(`${weightsPath}.tmp`, weightsPath);
  writeFileSync(`${headerPath}.tmp`, header);
  renameSync(`${headerPath}.tmp`, headerPath);
  return { headerPath, weightsPath };
}
