import { describe, expect, it } from "vitest";
import { planDay } from "../../src/simulate/day-plan.js";
import { eraOfDay } from "../../src/simulate/drift-shift.js";
import { createRng } from "../../src/simulate/prng.js";

const DAY = 86_400_000;
const START = Date.UTC(2025, 2, 3);
const plan = (day: number, era: "stationary" | "drifted", count = 3_000) =>
  planDay({ day, start: START + (day - 1) * DAY, count, era }, createRng(`plan-${day}`));
const hourOf = (at: number) => new Date(at).getUTCHours();

/** Share of queries whose intended labels include any of `labels`. */
const share = (queries: ReturnType<typeof plan>, labels: string[]) =>
  queries.filter((q) => q.intended.some((l) => labels.includes(l))).length / queries.length;

describe("day plan", () => {
  it("plans exactly the asked number of queries, in time order, inside that UTC day", () => {
    const queries = plan(2, "stationary", 1_000);
    expect(queries).toHaveLength(1_000);
    const times = queries.map((q) => q.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(START + DAY);
    expect(Math.max(...times)).toBeLessThan(START + 2 * DAY);
  });

  it("fills a 24-hour day that starts at any hour, still busiest at UTC meal times", () => {
    const start = START + 14 * 3_600_000 + 1_234;
    const queries = planDay({ day: 1, start, count: 3_000, era: "stationary" }, createRng("any-hour"));
    const times = queries.map((q) => q.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...times)).toBeLessThan(start + DAY);
    const perHour = new Array(24).fill(0);
    for (const at of times) perHour[hourOf(at)]++;
    expect(perHour[12] + perHour[13]).toBeGreaterThan(6 * (perHour[3] + perHour[4]));
  });

  it("is the same plan for the same seed", () => {
    expect(plan(1, "stationary", 200)).toEqual(plan(1, "stationary", 200));
  });

  it("peaks at meal times: lunch and dinner hours far busier than the small hours", () => {
    const perHour = new Array(24).fill(0);
    for (const q of plan(1, "stationary")) perHour[hourOf(q.at)]++;
    expect(perHour[12] + perHour[13]).toBeGreaterThan(6 * (perHour[3] + perHour[4]));
    expect(perHour[19]).toBeGreaterThan(4 * perHour[4]);
    expect(perHour[8]).toBeGreaterThan(perHour[10]);
  });

  it("asks breakfast-ish things in the morning and late-night things at night", () => {
    const queries = plan(1, "stationary");
    const morning = queries.filter((q) => hourOf(q.at) >= 6 && hourOf(q.at) < 10);
    const night = queries.filter((q) => hourOf(q.at) >= 23 || hourOf(q.at) < 3);
    expect(share(morning, ["meal_breakfast"])).toBeGreaterThan(share(night, ["meal_breakfast"]) + 0.05);
    expect(share(night, ["meal_late_night"])).toBeGreaterThan(share(morning, ["meal_late_night"]) + 0.05);
  });

  it("keeps stationary days alike and makes drifted days summer, with moods never seen before", () => {
    const [a, b, drifted] = [plan(1, "stationary"), plan(2, "stationary"), plan(3, "drifted")];
    const hot = ["weather_hot"];
    const cold = ["weather_cold", "weather_rainy"];
    expect(Math.abs(share(a, cold) - share(b, cold))).toBeLessThan(0.03);
    expect(share(a, hot)).toBeLessThan(0.03);
    expect(share(drifted, hot)).toBeGreaterThan(0.15);
    expect(share(drifted, cold)).toBeLessThan(share(a, cold) / 4);
    const seenBefore = new Set([...a, ...b].map((q) => q.situationId));
    expect(drifted.filter((q) => !seenBefore.has(q.situationId)).length / drifted.length).toBeGreaterThan(0.15);
  });

  it("counts the drift day from 1 = the oldest", () => {
    expect([1, 2, 3, 4].map((d) => eraOfDay(d, 3))).toEqual(["stationary", "stationary", "drifted", "drifted"]);
    expect(eraOfDay(7, null)).toBe("stationary");
  });
});
