import { hasSqliteHeader } from "../../health/sqlite-header.js";
import { errorResponse, ok } from "../respond.js";
import type { Route } from "../router.js";

/** GET /livez: the process answers. */
export const livezRoute: Route["handler"] = () => ok({ status: "ok" });

/** GET /readyz: ready when the store can be read, and its file still starts as a SQLite database. */
export const readyzRoute: Route["handler"] = async ({ deps }) => {
  try {
    await deps.store.meta.get("readyz.probe");
    if (deps.storeFile && !hasSqliteHeader(deps.storeFile)) {
      return errorResponse(503, "store_unavailable", `The store cannot be read: ${deps.storeFile} is not a SQLite database (corrupt?).`);
    }
    return ok({ status: "ok" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return errorResponse(503, "store_unavailable", `The store cannot be read: ${message}`, { "Retry-After": "5" });
  }
};
