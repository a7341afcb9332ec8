import { driftSummary } from "../../drift/drift-summary.js";
import { ok } from "../respond.js";
import type { Route } from "../router.js";

/** GET /drift/summary: the latest drift check and open alerts, read from the store. */
export const driftSummaryRoute: Route["handler"] = async ({ deps }) => ok(await driftSummary(deps.store));
