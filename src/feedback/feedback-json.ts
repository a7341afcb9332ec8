import type { FeedbackRecord } from "../records/feedback.js";

export type FeedbackJson = Omit<FeedbackRecord, "created_at"> & { created_at: string };

/** The stored record as `feedback --json` and `POST /feedback/*` answer it: times in ISO 8601 UTC. */
export const feedbackToJson = (record: FeedbackRecord): FeedbackJson => ({
  ...record,
  created_at: new Date(record.created_at).toISOString(),
});
