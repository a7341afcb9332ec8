import { describe, expect, it } from "vitest";
import { renderBuffer } from "../../src/cli/render/feedback.js";
import { buildTrainingBuffer } from "../../src/feedback/buffer/training-buffer.js";
import { bufferRow } from "../support/buffer-rows.js";

// Under MOODFOOD_REDACT_QUERIES the buffer says what it cannot use instead of learning from hashes.
const row = (query: string) => bufferRow(query, ["emotion_sad"]);

describe("the retraining buffer on redacted traces", () => {
  it("uses no hashed query and says how many rows it could not learn from", () => {
    const rows = [row("redacted:0123456789abcdef0123456789abcdef"), row("redacted:fedcba9876543210fedcba9876543210"), row("so sad today")];
    const buffer = buildTrainingBuffer(rows, { knownTexts: new Set(), baseExamples: 100 });
    expect(buffer.examples.map((e) => e.q)).toEqual(["so sad today"]);
    expect(buffer.rejected.redacted).toBe(2);
    const text = renderBuffer(buffer, { color: false } as Parameters<typeof renderBuffer>[1]);
    expect(text).toMatch(/2 rows cannot be learned from: their queries are stored as keyed hashes \(MOODFOOD_REDACT_QUERIES\)/);
  });
});
