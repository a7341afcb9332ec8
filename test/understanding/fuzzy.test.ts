import { describe, expect, it } from "vitest";
import { correctSpelling, isNotTypo } from "../../src/pipeline/text/fuzzy.js";
import { listHas } from "../../src/pipeline/text/word-list.js";

describe("spelling tolerance", () => {
  it("never corrects the common words one edit from a lexicon word", () => {
    for (const word of ["starting", "tried", "lovely", "bills"]) expect(isNotTypo(word)).toBe(true);
    for (const word of ["tire", "lovel", "arting", "bill", "exausted"]) expect(isNotTypo(word)).toBe(false);
    expect(correctSpelling("tried", ["tired"])).toBeUndefined();
    expect(correctSpelling("exausted", ["exhausted"])).toBe("exhausted");
  });

  it("finds whole words only in a word list", () => {
    const list = `
      alpha beta
      gamma  `;
    expect(["alpha", "beta", "gamma"].every((word) => listHas(list, word))).toBe(true);
    expect(["alp", "eta", "", "alpha beta", "gamm"].some((word) => listHas(list, word))).toBe(false);
  });
});
