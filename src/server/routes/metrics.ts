import { negotiateFormat } from "../../metrics/exposition.js";
import { ok } from "../respond.js";
import type { Route } from "../router.js";

/** GET /metrics: text format, or OpenMetrics (with trace_id exemplars) when the Accept header asks for it. */
export const metricsRoute: Route["handler"] = async ({ req, deps }) => {
  const rendered = await deps.exposition.render(negotiateFormat(req.headers.accept));
  return { status: 200, text: rendered.body, contentType: rendered.contentType };
};

/** GET /metrics/raw: the stored values as JSON. */
export const rawMetricsRoute: Route["handler"] = async ({ deps }) => ok(await deps.exposition.raw());
