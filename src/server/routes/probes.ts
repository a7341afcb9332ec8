import { errorResponse, ok } from "../respond.js";
import type { Route } from "../router.js";

/** GET /livez: the process answers. */
export const livezRoute: Route["handler"] = () => ok({ status: "ok" });

/** GET /readyz: ready when the store can be read. */
export const readyzRoute: Route["handler"] = ({ deps }) => {
  try {
    deps.store.meta.get("readyz.probe");
    return ok({ status: "ok" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return errorResponse(503, "store_unavailable", `The store cannot be read: ${message}`);
  }
};
