import { describe, expect, it } from "vitest";
import { plainFeatureText } from "../../src/pipeline/classifier/feature-text.js";
import { lexiconSignal } from "../../src/pipeline/classifier/lexicon-signal.js";

describe("the text the classifier reads", () => {
  it("is the parser's tokens, punctuation runs as one stop", () => {
    expect(plainFeatureText("I'm SOOO tired!!! 10pm, need food").words).toEqual(["im", "soo", "tired", ".", "10pm", ".", "need", "food"]);
    expect(plainFeatureText("").words).toEqual([]);
    expect(plainFeatureText("jalapeño w/o cheese :)").words).toEqual(["jalapeno", "without", "cheese", "🙂"]);
  });

  it("marks what the parser's negation governs", () => {
    const { words, negated } = lexiconSignal("nothing spicy tonight. want soup").text;
    expect(words.filter((_, i) => negated[i])).toEqual(["spicy", "tonight"]);
  });

  it("leaves a cue inside a trigger alone, as the parser does", () => {
    const { words, negated } = lexiconSignal("no time to cook, starving").text;
    expect(words.filter((_, i) => negated[i])).toEqual([]);
  });
});
