import { describe, expect, it } from "vitest";
import { sharedLexicon } from "../../src/pipeline/providers/local/lexicon.js";
import { parseLocally } from "../../src/pipeline/providers/local/semantic-parse.js";
import { createLocalProvider, estimateTokens } from "../../src/pipeline/providers/local.js";
import type { ParsedQuery } from "../../src/pipeline/types.js";

const query = (text: string, negatedLabels: string[] = []): ParsedQuery => ({
  text,
  truncated: false,
  diets: [],
  allergens: [],
  negatedLabels,
});
const labelsOf = async (text: string): Promise<string[]> => (await createLocalProvider().parse(query(text))).labels;

describe("local provider", () => {
  it("names itself honestly", () => {
    const provider = createLocalProvider();
    expect(provider.name).toBe("local");
    expect(provider.model).toBe("moodfood-lexicon-1");
  });

  it.each([
    ["I'm sad and it's freezing", ["emotion_sad", "weather_cold", "sensory_warming"]],
    ["feeling kinda miserable and the rain won't stop", ["emotion_sad", "weather_rainy"]],
    ["stressed about deadlines, need something quick", ["emotion_stressed", "goal_quick"]],
    ["so hungover 🥴", ["health_hangover"]],
    ["🥶🥶", ["weather_cold"]],
    ["dinner with my girlfriend for our anniversary", ["social_couple", "meal_dinner"]],
    ["burnt out and running on fumes", ["emotion_stressed", "emotion_tired"]],
    ["3am and starving", ["meal_late_night"]],
    ["its 34 degrees out", ["weather_hot", "sensory_refreshing"]],
    ["I can't have eggs, milk or meat", ["diet_vegan"]],
  ])("%s -> %j", async (text, expected) => {
    expect(await labelsOf(text)).toEqual(expect.arrayContaining(expected));
  });

  it("reads common misspellings", async () => {
    expect(await labelsOf("so exausted")).toContain("emotion_tired");
    expect(await labelsOf("feelin stresed")).toContain("emotion_stressed");
    expect(await labelsOf("anxious and hungrey")).toContain("emotion_anxious");
  });

  it("reads text emoticons", async () => {
    expect(await labelsOf("feeling great :)")).toContain("emotion_happy");
    expect(await labelsOf("sad :'(")).toContain("emotion_sad");
  });

  it("keeps the setting a longer phrase mentions", async () => {
    expect(await labelsOf("working the night shift again")).toEqual(
      expect.arrayContaining(["emotion_tired", "occasion_work", "meal_late_night"]),
    );
    expect(await labelsOf("sick of eating the same thing")).not.toContain("health_sick");
  });

  it("does not turn real words into moods", async () => {
    expect(await labelsOf("I tried sushi once")).not.toContain("emotion_tired");
    expect(await labelsOf("a lovely walk")).not.toContain("emotion_lonely");
  });

  it("never returns a negated label", async () => {
    expect(await labelsOf("craving thai but nothing spicy")).not.toContain("sensory_spicy");
    expect((await createLocalProvider().parse(query("something sweet", ["sensory_sweet"]))).labels).not.toContain("sensory_sweet");
  });

  it("puts the stronger feeling first", () => {
    const lexicon = sharedLexicon();
    const parse = parseLocally("a bit anxious but EXTREMELY tired!!!", lexicon);
    expect(parse.labels[0]?.label).toBe("emotion_tired");
    expect(parse.labels.map((entry) => entry.label)).toContain("emotion_anxious");
    expect(parse.intensity).toBeGreaterThan(1.2);
    expect(parseLocally("a bit sad", lexicon).intensity).toBeLessThan(1);
  });

  it("is less confident when little of the text is understood", async () => {
    const provider = createLocalProvider();
    const clear = await provider.parse(query("sad and cold"));
    const vague = await provider.parse(query("hmm what about the thing from yesterday with the blue label, sad"));
    const nothing = await provider.parse(query("qwertyuiop"));
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
    expect(nothing.labels).toEqual([]);
    expect(nothing.confidence).toBeLessThan(0.2);
  });

  it("estimates token usage at about four characters a token", async () => {
    const result = await createLocalProvider().parse(query("I'm sad and it's freezing outside"));
    expect(result.inputTokens).toBe(estimateTokens("I'm sad and it's freezing outside"));
    expect(result.inputTokens).toBe(9);
    expect(result.outputTokens).toBeGreaterThan(0);
  });

  it("is deterministic", async () => {
    const text = "lonely sunday, dinner for one, kinda cold";
    expect(await labelsOf(text)).toEqual(await labelsOf(text));
  });

  it("stops when the call is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(createLocalProvider().parse(query("sad"), controller.signal)).rejects.toThrow();
  });
});
