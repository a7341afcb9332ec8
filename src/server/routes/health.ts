import { errorResponse } from "../respond.js";
import type { Route } from "../router.js";

/** GET /health/full: application/health+json; 200 for pass and warn, 503 for fail (DESIGN §11). */
export const healthFullRoute: Route["handler"] = async ({ deps }) => {
  if (!deps.health) return errorResponse(501, "not_implemented", "/health/full is not wired in this server.");
  const doc = await deps.health();
  return { status: doc.status === "fail" ? 503 : 200, json: doc, contentType: "application/health+json" };
};
