import { countChange, ratio, ratioChange } from "../change.js";
import type { WeekFacts } from "../read/week-facts.js";
import type { LatencySection, LlmSection } from "../weekly-report.js";

export function latencySection(now: WeekFacts, before: WeekFacts): LatencySection {
  const t = now.latency.total;
  const p = before.latency.total;
  return {
    total: t,
    stages: now.latency.stages,
    per_day: now.latency.perDay.map((d, i) => ({ date: now.period.dates[i] as string, ...d })),
    change: {
      p50_ms: countChange(t.p50_ms, p.p50_ms),
      p95_ms: countChange(t.p95_ms, p.p95_ms),
      p99_ms: countChange(t.p99_ms, p.p99_ms),
    },
  };
}

const failureRate = (f: WeekFacts) => ratio(f.llm.failed, f.llm.calls);

export function llmSection(now: WeekFacts, before: WeekFacts): LlmSection {
  return {
    ...now.llm,
    failure_rate: failureRate(now),
    change: {
      calls: countChange(now.llm.calls, before.llm.calls),
      failure_rate: ratioChange(failureRate(now), failureRate(before)),
      circuit_refused: countChange(now.llm.circuit_refused, before.llm.circuit_refused),
      circuit_openings: countChange(now.llm.circuit_openings, before.llm.circuit_openings),
    },
  };
}
