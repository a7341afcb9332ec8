// Issue #15: a reason that calls a dish "crunchy" must be true of it. The claim comes from the catalog's
// sensory_crunchy tag, so every such tag must follow from how the dish is made or what it is made of.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/pipeline/catalog.js";
import { recommend } from "../../src/pipeline/recommend.js";
import { tokenize } from "../../src/pipeline/text/tokenize.js";

/** Preparation words that leave a crisp surface. */
const CRISP_PREPARATION = new Set(["crisp", "crispy", "crunchy", "fried", "toasted", "tempura", "battered"]);
/** Ingredients that stay crunchy in the finished dish. */
const CRUNCHY_INGREDIENTS = new Set([
  "panko",
  "breadcrumbs",
  "tortilla_chips",
  "puri_shells",
  "phyllo",
  "peanut",
  "walnuts",
  "pistachios",
  "cashews",
  "almonds",
  "cucumber",
  "radish",
  "green_papaya",
  "lettuce",
]);

const catalog = loadCatalog();
const wordsOf = (text: string): string[] =>
  tokenize(text)
    .filter((t) => t.kind === "word")
    .map((t) => t.norm);
const crunchyBy = (dish: (typeof catalog.dishes)[number]): string | undefined =>
  wordsOf(`${dish.name} ${dish.description}`).find((w) => CRISP_PREPARATION.has(w)) ??
  dish.ingredients.find((i) => CRUNCHY_INGREDIENTS.has(i));

describe("texture claims", () => {
  it("tags a dish crunchy only when its preparation or ingredients make it so", () => {
    const unsupported = catalog.dishes.filter((d) => d.tags.includes("sensory_crunchy") && crunchyBy(d) === undefined);
    expect(unsupported.map((d) => d.name)).toEqual([]);
  });

  it("never calls a flaky pastry or a custard crunchy", () => {
    const reasons = recommend(catalog, {
      labels: ["sensory_crunchy"],
      diets: [],
      allergens: [],
      negatedLabels: [],
      top: 40,
      fallback: false,
    });
    const crunchy = reasons.filter((r) => /crunchy/i.test(r.reason)).map((r) => r.name);
    expect(crunchy.length).toBeGreaterThan(5);
    for (const name of ["Croissant", "Crème Brûlée", "Crema Catalana"]) expect(crunchy).not.toContain(name);
  });
});
