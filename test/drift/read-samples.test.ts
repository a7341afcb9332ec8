import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSamples } from "../../src/drift/read-samples.js";
import { UserError } from "../../src/errors.js";

const dir = mkdtempSync(join(tmpdir(), "moodfood-read-samples-"));
let fileCount = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `sample-${fileCount++}.txt`);
  writeFileSync(path, content);
  return path;
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error("expected readSamples to throw");
}

describe("readSamples accepts", () => {
  it("one number per line, ignoring blank lines, CRLF and surrounding spaces", () => {
    const path = file("0.5\n\n  1e-3 \r\n-2\n+4.25\n.5\n7.\n\n");
    expect(Array.from(readSamples(path))).toEqual([0.5, 0.001, -2, 4.25, 0.5, 7]);
  });

  it("a JSON array across several lines", () => {
    expect(Array.from(readSamples(file("[0.1, 2,\n -3.5e2 ,\n 0]\n")))).toEqual([0.1, 2, -350, 0]);
  });

  it("a UTF-8 byte-order mark", () => {
    expect(Array.from(readSamples(file("\ufeff1\n2\n")))).toEqual([1, 2]);
  });

  it("every double exactly as Number() parses it, long mantissas included", () => {
    const tokens = ["0.1", String(1 / 3), "1.7976931348623157e308", "0.30000000000000004", "123456789012345680000", "5e-324"];
    tokens.push("9007199254740993", "0.12345678901234567890123", "2.2250738585072011e-308", "-0.0");
    const got = readSamples(file(`${tokens.join("\n")}\n`));
    expect(Array.from(got)).toEqual(tokens.map(Number));
  });
});

describe("readSamples rejects with one sentence naming the file", () => {
  it("a missing file", () => {
    const path = join(dir, "nope.txt");
    const error = errorOf(() => readSamples(path));
    expect(error.code).toBe("drift_input_unreadable");
    expect(error.message).toBe(`Cannot read ${path}: no such file.`);
  });

  it("a directory", () => {
    const path = join(dir, "a-directory");
    mkdirSync(path);
    expect(errorOf(() => readSamples(path)).message).toBe(`Cannot read ${path}: it is a directory, not a file.`);
  });

  it("an empty or blank file", () => {
    for (const content of ["", " \n\n\t\n"]) {
      const path = file(content);
      expect(errorOf(() => readSamples(path)).message).toBe(
        `${path}: the file is empty; expected a JSON array of numbers or one number per line.`,
      );
    }
  });

  it("a bad value, with its line number", () => {
    const path = file("0.1\n0.2\n\nabc\n0.4\n");
    const error = errorOf(() => readSamples(path));
    expect(error.code).toBe("drift_input_invalid");
    expect(error.message).toBe(`${path}: line 4: "abc" is not a number.`);
  });

  it("NaN and Infinity as not finite, and overflowing values as too large", () => {
    expect(errorOf(() => readSamples(file("1\nNaN\n"))).message).toMatch(/line 2: "NaN" is not a finite number\.$/);
    expect(errorOf(() => readSamples(file("-Infinity\n"))).message).toMatch(/line 1: "-Infinity" is not a finite number\.$/);
    expect(errorOf(() => readSamples(file("1e999\n"))).message).toMatch(/line 1: "1e999" is too large to be a finite number\.$/);
  });

  it("JavaScript-only spellings that Number() would accept", () => {
    for (const token of ["0x10", "0b1", "1_000", "1,5", "1 2"]) {
      expect(errorOf(() => readSamples(file(`${token}\n`))).message).toMatch(/line 1: .* is not a number\.$/);
    }
  });

  it("bad JSON elements, with line and element number", () => {
    expect(errorOf(() => readSamples(file('[1,\n2,\n"x"]'))).message).toMatch(/line 3, element 3: "\\"x\\"" is not a number\.$/);
    expect(errorOf(() => readSamples(file("[1, null]"))).message).toMatch(/line 1, element 2: "null" is not a number\.$/);
    expect(errorOf(() => readSamples(file("[1, NaN]"))).message).toMatch(/element 2: "NaN" is not a finite number\.$/);
    expect(errorOf(() => readSamples(file("[1,, 2]"))).message).toMatch(/element 2: expected a number but found ","\.$/);
    expect(errorOf(() => readSamples(file("[1, 2"))).message).toMatch(/the JSON array is not closed with "\]"\.$/);
    expect(errorOf(() => readSamples(file("[1] 2"))).message).toMatch(/unexpected "2" after the end of the JSON array\.$/);
    expect(errorOf(() => readSamples(file("[]"))).message).toMatch(/the JSON array is empty/);
    expect(errorOf(() => readSamples(file("[01]"))).message).toMatch(/"01" is not a number/);
  });

  it("a JSON object instead of an array", () => {
    const path = file('{"a": [1, 2]}');
    expect(errorOf(() => readSamples(path)).message).toBe(
      `${path}: the file holds a JSON object; expected a JSON array of numbers or one number per line.`,
    );
  });

  it("shows a long bad token shortened", () => {
    const message = errorOf(() => readSamples(file(`${"9".repeat(30)}x${"9".repeat(30)}\n`))).message;
    expect(message).toContain("…");
    expect(message.length).toBeLessThan(200);
  });
});
