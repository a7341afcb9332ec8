import { findTrace } from "../../tracing/find-trace.js";
import { traceToJson } from "../../tracing/trace-json.js";
import { ok } from "../respond.js";
import type { Route } from "../router.js";

/** GET /trace/:id: a trace by full id or unique prefix, in the `trace --json` shape. */
export const traceRoute: Route["handler"] = async ({ params, deps }) => ok(traceToJson(await findTrace(deps.store, params.id ?? "")));
