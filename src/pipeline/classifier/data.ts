// Training examples from fixtures/training/*.jsonl, their hash, and the deterministic held-out split.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packagePath } from "../../config/package-path.js";

export interface Example {
  q: string;
  labels: string[];
}

export interface LoadedExamples {
  examples: Example[];
  /** Lines skipped, with why: a malformed line or a label the taxonomy does not know. */
  skipped: { file: string; line: number; reason: string }[];
}

/** Reads every *.jsonl file of a directory, in name order; examples sorted, duplicates merged. */
export function loadTrainingExamples(
  dir: string = packagePath("fixtures", "training"),
  isKnownLabel: (label: string) => boolean = () => true,
): LoadedExamples {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  const byQuery = new Map<string, Set<string>>();
  const skipped: LoadedExamples["skipped"] = [];
  for (const file of files) {
    readFileSync(join(dir, file), "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (line.trim() === "") return;
        const where = { file, line: index + 1 };
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          skipped.push({ ...where, reason: "not valid JSON" });
          return;
        }
        const { q, labels } = (parsed ?? {}) as { q?: unknown; labels?: unknown };
        if (typeof q !== "string" || q.trim() === "" || !Array.isArray(labels)) {
          skipped.push({ ...where, reason: 'needs {"q": string, "labels": string[]}' });
          return;
        }
        const unknown = labels.filter((label) => typeof label !== "string" || !isKnownLabel(label));
        if (unknown.length > 0) skipped.push({ ...where, reason: `unknown labels ${unknown.join(", ")}` });
        const known = labels.filter((label): label is string => typeof label === "string" && isKnownLabel(label));
        const key = q.trim();
        const merged = byQuery.get(key) ?? new Set<string>();
        for (const label of known) merged.add(label);
        byQuery.set(key, merged);
      });
  }
  const examples = [...byQuery]
    .map(([q, labels]) => ({ q, labels: [...labels].sort() }))
    .filter((example) => example.labels.length > 0)
    .sort((a, b) => (a.q < b.q ? -1 : a.q > b.q ? 1 : 0));
  return { examples, skipped };
}

/** sha256 of the examples in canonical form: the same data always hashes the same. */
export function dataHash(examples: readonly Example[]): string {
  const hash = createHash("sha256");
  for (const example of examples) hash.update(`${JSON.stringify([example.q, example.labels])}\n`);
  return hash.digest("hex");
}

/** A number in [0, 1) fixed by the query text (and a salt), for splits that never depend on order. */
export function textFraction(text: string, salt = ""): number {
  const digest = createHash("sha256").update(`${salt}${text.trim().toLowerCase()}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

export function isHeldout(q: string, fraction: number): boolean {
  return textFraction(q, "heldout:") < fraction;
}

/** About `fraction` of the examples, chosen by a hash of the query text, are held out and never trained on. */
export function splitHeldout(examples: readonly Example[], fraction = 0.15): { train: Example[]; heldout: Example[] } {
  const train: Example[] = [];
  const heldout: Example[] = [];
  for (const example of examples) (isHeldout(example.q, fraction) ? heldout : train).push(example);
  return { train, heldout };
}
