import { readJsonBody } from "../body.js";
import { ok } from "../respond.js";
import type { Route } from "../router.js";
import { parseQueryBody } from "./query-body.js";

/** POST /query: runs the traced pipeline; answers the `query --json` object. */
export const queryRoute: Route["handler"] = async ({ req, deps }) => ok(await deps.runQuery(parseQueryBody(await readJsonBody(req))));
