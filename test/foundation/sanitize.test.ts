import { describe, expect, it } from "vitest";
import { stripControlCharacters } from "../../src/pipeline/sanitize.js";

describe("stripControlCharacters", () => {
  it.each([
    ["I'm \u001b[31msad\u001b[0m", "I'm sad"],
    ["tired\u0000\u0007 and cold", "tired and cold"],
    ["line\none\ttwo", "line one two"],
    ["\u001b]0;pwned\u0007hungry", "hungry"],
    ["\u009b31mred", "red"],
    ["bidi \u202eevil", "bidi evil"],
    ["\u0001\u0002\u0003", ""],
    ["😭 need soup", "😭 need soup"],
  ])("%j -> %j", (input, expected) => {
    expect(stripControlCharacters(input)).toBe(expected);
  });
});
