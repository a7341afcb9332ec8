// Issue #15, as a user meets it: situations invent no mood, a named dish type is read, a wish the diet leaves no
// dish for is said, reasons cite only what the answer carries, and "LLM unavailable" only when it was.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { loadCatalog } from "../../src/pipeline/catalog.js";
import { LlmCallError } from "../../src/pipeline/llm-call.js";
import type { LlmProvider } from "../../src/pipeline/types.js";
import { openRuntime } from "../../src/runtime/runtime.js";
import { openTestStore } from "../support/test-store.js";

const config = loadConfig({ env: {} });
const runtime = await openRuntime(config, { traces: "none", store: await openTestStore(), env: {} });
const ask = (text: string) => runtime.query({ text });
const catalog = loadCatalog();
const dishNamed = (name: string) => catalog.dishes.find((d) => d.name === name);

describe("situations and logistics invent no mood", () => {
  it.each([
    "organising a picnic for my son's football team",
    "we're hosting the neighbours for a barbecue on saturday",
    "booking lunch for twenty at the quarterly offsite",
    "my sister can't stand mushrooms",
    "my boyfriend doesn't eat fish",
    "cooking for my parents' anniversary next week",
    "planning a kids' party this weekend",
    "planning the menu for our family reunion",
  ])("%j carries no emotion or health label", async (text) => {
    const answer = await ask(text);
    expect(answer.labels.filter((l) => /^(emotion|health)_/.test(l))).toEqual([]);
    for (const r of answer.recommendations) expect(r.reason).not.toMatch(/when you're|blow off steam|nursing a hangover|under the weather/);
  });

  it.each(["my flatmate dislikes prawns", "my husband won't touch anything with coriander", "my girlfriend is allergic to shellfish"])(
    "%j (someone else's dislike) is no date",
    async (text) => {
      expect((await ask(text)).labels).not.toContain("occasion_date");
    },
  );

  it("still reads a feeling said in words beside the situation", async () => {
    expect((await ask("so stressed planning my daughter's party")).labels).toContain("emotion_stressed");
    expect((await ask("moving flat tomorrow and completely exhausted")).labels).toContain("emotion_tired");
  });
});

describe("a dish type named as a wish", () => {
  it.each([
    ["allergic to eggs, craving pasta", /pasta|spaghetti|linguine|macaroni/i, "egg"],
    ["nut allergy, fancy some noodles", /noodle|ramen|udon|soba/i, "tree_nut"],
    ["dairy free, want soup", /soup|broth/i, "milk"],
  ] as const)("%j fills the top 5 with that type, within the allergy", async (text, kind, allergen) => {
    const answer = await ask(text);
    const top = answer.recommendations.slice(0, 5);
    const ofKind = top.filter((r) => {
      const dish = dishNamed(r.name);
      return dish && kind.test(`${dish.name} ${dish.description} ${dish.ingredients.join(" ")}`);
    });
    expect(ofKind.length, top.map((r) => r.name).join(", ")).toBeGreaterThanOrEqual(3);
    for (const r of top) expect(dishNamed(r.name)?.allergens).not.toContain(allergen);
  });
});

describe("a wish the diet leaves no dish for is said", () => {
  it.each(["type 2 diabetic, fancy a dessert", "coeliac but I want pasta tonight", "vegan, craving a burger"])(
    "%j gets a no_match notice",
    async (text) => {
      const answer = await ask(text);
      expect(answer.notices.map((n) => n.code)).toContain("no_match");
    },
  );

  it.each(["vegan, want pasta", "gluten free dessert please", "sad and cold"])(
    "%j gets none: the catalog has such dishes",
    async (text) => {
      expect((await ask(text)).notices.map((n) => n.code)).not.toContain("no_match");
    },
  );
});

describe("explanations consistent with labels and spans", () => {
  const MOMENTS: Record<string, RegExp> = {
    emotion_sad: /feeling down/,
    emotion_stressed: /when you're stressed/,
    emotion_anxious: /feeling anxious/,
    emotion_tired: /worn out/,
    emotion_angry: /blow off steam/,
    emotion_lonely: /feeling lonely/,
    health_sick: /under the weather/,
    health_hangover: /nursing a hangover/,
    occasion_date: /for a date/,
    occasion_party: /a party/,
  };
  it.each([
    "planning a surprise party for my wife",
    "cold and rainy, just want to curl up",
    "hangover from hell",
    "first date tonight, a bit nervous",
    "feeling low after a long week",
    "anything but pizza",
  ])("%j: every mood a reason cites is a label of the answer", async (text) => {
    const answer = await ask(text);
    for (const r of answer.recommendations)
      for (const [label, phrase] of Object.entries(MOMENTS)) if (phrase.test(r.reason)) expect(answer.labels, r.reason).toContain(label);
  });

  it("says the LLM was unavailable only when its call failed", async () => {
    for (const text of ["sad and cold", "blah", "anything but pizza"])
      expect((await ask(text)).notices.map((n) => n.code)).not.toContain("llm_unavailable");
    const failing: LlmProvider = {
      name: "openai",
      model: "test",
      parse: () => Promise.reject(new LlmCallError("timeout", "timed out")),
    };
    const offline = await openRuntime(config, { traces: "none", store: await openTestStore(), env: {}, provider: failing });
    const answer = await offline.query({ text: "sad and cold" });
    expect(answer.final_decision).toBe("ml_only");
    expect(answer.notices.map((n) => n.code)).toContain("llm_unavailable");
  });
});
