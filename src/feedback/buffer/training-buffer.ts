import { REDACTED_PREFIX } from "../../records/trace.js";
import type { BufferSourceRow } from "../../store/feedback-queries.js";
import type { Store } from "../../store/store.js";
import { checkExample } from "./check-example.js";

export type Tier = "gold" | "silver";

export interface BufferExample {
  q: string;
  labels: string[];
  tier: Tier;
  /** Distinct people (user id, else one per trace) who backed this label set. */
  votes: number;
}

/** Why feedback rows did not become examples (each row counted once). */
export interface BufferRejections {
  no_text: number;
  /** The trace holds a keyed hash, not the text (MOODFOOD_REDACT_QUERIES): nothing to learn from. */
  redacted: number;
  failed_trace: number;
  contradicts_text: number;
  unsupported_labels: number;
  /** Rows folded into an example another row already gave (same text, same person or same labels). */
  duplicates: number;
  /** People disagreed on the labels of a text and none had a majority. */
  conflicting: number;
  /** Votes for a label set the majority of people did not give. */
  outvoted: number;
  /** The text is already in the curated training or evaluation data, which wins. */
  known_text: number;
  /** Over the cap on how much of a training set feedback may be. */
  over_cap: number;
}

export interface TrainingBuffer {
  size: number;
  gold: number;
  silver: number;
  gold_ratio: number;
  /** Most examples feedback may add: a share of the curated training set. */
  cap: number;
  feedback_rows: number;
  rejected: BufferRejections;
  examples: BufferExample[];
}

export interface BufferOptions {
  /** Normalised texts of the curated training and evaluation data: feedback never relabels them. */
  knownTexts: ReadonlySet<string>;
  /** How many curated examples there are; the buffer holds at most `maxShare` of that. */
  baseExamples: number;
  maxShare?: number;
}

/** Feedback can add at most a quarter of the curated set: a flood cannot outvote the data. */
export const MAX_BUFFER_SHARE = 0.25;

export const normaliseText = (q: string): string => q.trim().toLowerCase().replace(/\s+/g, " ");

interface Vote {
  labels: string[];
  tier: Tier;
  at: number;
}

/**
 * The retraining buffer: gold examples (explicit positive rating, or a correction) and silver ones (implicit
 * positive signal), each checked against its own text, one vote per person per text, capped.
 */
export function buildTrainingBuffer(rows: readonly BufferSourceRow[], options: BufferOptions): TrainingBuffer {
  const rejected: BufferRejections = {
    no_text: 0,
    redacted: 0,
    failed_trace: 0,
    contradicts_text: 0,
    unsupported_labels: 0,
    duplicates: 0,
    conflicting: 0,
    outvoted: 0,
    known_text: 0,
    over_cap: 0,
  };
  // text -> voter -> that person's latest vote (a later rating replaces an earlier one)
  const byText = new Map<string, { q: string; voters: Map<string, Vote> }>();
  for (const row of rows) {
    const q = row.query.trim();
    if (q === "") {
      rejected.no_text++;
      continue;
    }
    if (q.startsWith(REDACTED_PREFIX)) {
      rejected.redacted++;
      continue;
    }
    if (row.trace_status !== "ok") {
      rejected.failed_trace++;
      continue;
    }
    const key = normaliseText(q);
    if (options.knownTexts.has(key)) {
      rejected.known_text++;
      continue;
    }
    const answered = JSON.parse(row.trace_labels) as string[];
    const correction = row.labels === null ? null : (JSON.parse(row.labels) as string[]);
    const verdict = checkExample(q, correction ?? answered, answered, correction !== null);
    if (!verdict.ok) {
      rejected[verdict.reason]++;
      continue;
    }
    const tier: Tier = row.type === "explicit" ? "gold" : "silver";
    const entry = byText.get(key) ?? { q, voters: new Map<string, Vote>() };
    const voter = row.user_id ?? `trace:${row.trace_id}`;
    const previous = entry.voters.get(voter);
    if (previous) rejected.duplicates++;
    // A person's gold vote is not replaced by a later silver one.
    if (!previous || previous.tier === tier || tier === "gold")
      entry.voters.set(voter, { labels: verdict.labels, tier, at: row.created_at });
    byText.set(key, entry);
  }

  const examples: (BufferExample & { at: number })[] = [];
  for (const { q, voters } of byText.values()) {
    const winner = majority([...voters.values()]);
    if (!winner) {
      rejected.conflicting += voters.size;
      continue;
    }
    rejected.outvoted += voters.size - winner.votes;
    examples.push({ q, ...winner });
  }
  const cap = Math.floor(options.baseExamples * (options.maxShare ?? MAX_BUFFER_SHARE));
  // Gold first, then the best-backed, then the newest; the rest waits for the next retrain.
  examples.sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || b.votes - a.votes || b.at - a.at || (a.q < b.q ? -1 : 1));
  rejected.over_cap = Math.max(0, examples.length - cap);
  const kept = examples.slice(0, cap).map(({ at: _at, ...example }) => example);
  const gold = kept.filter((e) => e.tier === "gold").length;
  return {
    size: kept.length,
    gold,
    silver: kept.length - gold,
    gold_ratio: kept.length === 0 ? 0 : Math.round((gold / kept.length) * 10000) / 10000,
    cap,
    feedback_rows: rows.length,
    rejected,
    examples: kept,
  };
}

const tierRank = (tier: Tier): number => (tier === "gold" ? 0 : 1);

/** The label set more than half of the voters gave (gold voters outrank silver ones), else undefined. */
function majority(votes: readonly Vote[]): { labels: string[]; tier: Tier; votes: number; at: number } | undefined {
  const gold = votes.filter((v) => v.tier === "gold");
  const pool = gold.length > 0 ? gold : votes;
  const tally = new Map<string, { labels: string[]; votes: number; at: number }>();
  for (const vote of pool) {
    const key = vote.labels.join(",");
    const t = tally.get(key) ?? { labels: vote.labels, votes: 0, at: 0 };
    t.votes++;
    t.at = Math.max(t.at, vote.at);
    tally.set(key, t);
  }
  const best = [...tally.values()].sort((a, b) => b.votes - a.votes)[0];
  if (!best || best.votes * 2 <= pool.length) return undefined;
  return { ...best, tier: gold.length > 0 ? "gold" : "silver" };
}

/** Reads the feedback and builds the buffer (what `feedback buffer` and `retrain` share). */
export async function readTrainingBuffer(store: Store, options: BufferOptions): Promise<TrainingBuffer> {
  return buildTrainingBuffer(await store.feedback.bufferSource(), options);
}
