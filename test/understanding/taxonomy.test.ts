import { describe, expect, it } from "vitest";
import { CORE_LABELS, categoryOf, isKnownLabel, labelsInCategory, loadTaxonomy, parseTaxonomy } from "../../src/pipeline/taxonomy.js";

describe("taxonomy", () => {
  const taxonomy = loadTaxonomy();

  it("has every core label of the design, with its category and a description", () => {
    for (const name of CORE_LABELS) {
      const spec = taxonomy.labels.find((label) => label.name === name);
      expect(spec, name).toBeDefined();
      expect(spec?.category).toBe(categoryOf(name));
      expect(spec?.description.length).toBeGreaterThan(5);
      expect(spec?.triggers.length, name).toBeGreaterThan(3);
    }
  });

  it("only points implications at labels it knows", () => {
    for (const spec of taxonomy.labels) {
      for (const target of [...Object.keys(spec.implies ?? {}), ...Object.keys(spec.when_negated ?? {})]) {
        expect(isKnownLabel(target), `${spec.name} -> ${target}`).toBe(true);
      }
      for (const rule of spec.trigger_rules ?? []) {
        for (const extra of [...(rule.also ?? []), ...(rule.not ?? [])]) expect(isKnownLabel(extra), extra).toBe(true);
      }
    }
  });

  it("lists labels by category", () => {
    expect(labelsInCategory("weather")).toEqual(["weather_hot", "weather_cold", "weather_rainy"]);
    expect(isKnownLabel("emotion_sad")).toBe(true);
    expect(isKnownLabel("emotion_melancholy")).toBe(false);
  });

  it("refuses a taxonomy that lost a core label", () => {
    const broken = { ...taxonomy, labels: taxonomy.labels.filter((label) => label.name !== "emotion_sad") };
    expect(() => parseTaxonomy(JSON.stringify(broken))).toThrow(/emotion_sad/);
  });
});
