import { feedbackToJson } from "../../feedback/feedback-json.js";
import { buildExplicitFeedback, buildImplicitFeedback, storeFeedback } from "../../feedback/record-feedback.js";
import { summariseFeedback } from "../../feedback/summary/feedback-summary.js";
import type { FeedbackRecord } from "../../records/feedback.js";
import { readJsonBody } from "../body.js";
import { badRequest } from "../http-error.js";
import { ok } from "../respond.js";
import type { Route, RouteContext } from "../router.js";
import { parseExplicitBody, parseImplicitBody } from "./feedback-body.js";

/** Validated and built on the read-only store, then written through the runtime's non-blocking writer. */
async function store(deps: RouteContext["deps"], record: FeedbackRecord) {
  if (deps.write) await deps.write((s) => storeFeedback(s, [record]));
  else await storeFeedback(deps.store, [record]);
  return ok(feedbackToJson(record));
}

/** POST /feedback/explicit: 200 with the stored record; 400 bad rating/label/thumbs, 404 unknown trace. */
export const explicitFeedbackRoute: Route["handler"] = async ({ req, deps }) =>
  store(deps, await buildExplicitFeedback(deps.store, parseExplicitBody(await readJsonBody(req)), Date.now()));

/** POST /feedback/implicit: 200 with the stored record; 400 unknown signal, 404 unknown trace. */
export const implicitFeedbackRoute: Route["handler"] = async ({ req, deps }) =>
  store(deps, await buildImplicitFeedback(deps.store, parseImplicitBody(await readJsonBody(req)), Date.now()));

/** GET /feedback/summary?days=N&model_version=V: what `feedback summary --json` prints. */
export const feedbackSummaryRoute: Route["handler"] = async ({ url, deps }) => {
  const daysText = url.searchParams.get("days") ?? "30";
  const days = Number(daysText);
  if (!/^\d+$/.test(daysText) || days < 1 || days > 3650) throw badRequest("invalid_days", '"days" must be a whole number from 1 to 3650.');
  const modelVersion = url.searchParams.get("model_version") ?? undefined;
  return ok(await summariseFeedback(deps.store, { days, modelVersion, now: Date.now() }));
};
