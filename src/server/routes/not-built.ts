import { errorResponse } from "../respond.js";
import type { Route } from "../router.js";

/** Placeholder for a route whose feature is not built yet: 501 with a JSON error. */
export const notBuilt =
  (feature: string): Route["handler"] =>
  ({ url }) =>
    errorResponse(501, "not_implemented", `${url.pathname} needs the ${feature} feature, which is not built yet.`);
