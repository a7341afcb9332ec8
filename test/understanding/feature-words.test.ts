import { describe, expect, it } from "vitest";
import { featureWords } from "../../src/pipeline/classifier/features.js";
import { seededRandom } from "../../src/pipeline/classifier/logistic.js";

/** The definition featureWords reads ASCII text by, as regexes. */
function reference(text: string): string[] {
  const clean = text.toLowerCase().replace(/['’‘`´]/g, "");
  return (clean.match(/[a-z0-9]+|[.,;:!?]/g) ?? []).map((word) => word.replace(/(.)\1{2,}/g, "$1$1"));
}

describe("featureWords", () => {
  it.each([
    ["I'm SOOO tired!!! 10pm, need food", ["im", "soo", "tired", "!", "!", "!", "10pm", ",", "need", "food"]],
    ["", []],
    ["--- ???", ["?", "?", "?"]],
  ])("reads %j", (text, words) => {
    expect(featureWords(text)).toEqual(words);
    expect(reference(text)).toEqual(words);
  });

  it("reads random ASCII text as the regexes do", () => {
    const random = seededRandom(11);
    const alphabet = ["a", "b", "Z", "0", "9", " ", ".", ",", "!", "?", ";", ":", "'", "`", "-", "_", "\n", "~"];
    for (let i = 0; i < 20_000; i++) {
      let text = "";
      const length = Math.floor(random() * 14);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(featureWords(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });
});
