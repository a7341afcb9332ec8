import type { IncomingMessage } from "node:http";
import type { ApiDeps } from "./api-deps.js";
import type { ApiResponse } from "./respond.js";

export type Method = "GET" | "POST";

export interface RouteContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  deps: ApiDeps;
}

export interface Route {
  method: Method;
  /** Literal segments and `:name` parameters, e.g. `/trace/:id`. */
  path: string;
  handler: (ctx: RouteContext) => ApiResponse | Promise<ApiResponse>;
  /** Answers without the API token (probes and the Prometheus scrape). */
  public?: boolean;
}

export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong_method"; allowed: Method[] }
  | { kind: "not_found" };

/** Matches a path against the table; a path that exists under another method is a 405, not a 404. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const segments = pathname.split("/").slice(1);
  const allowed: Method[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, segments);
    if (!params) continue;
    // HEAD is answered like GET (Node sends no body for it).
    if (route.method === method || (method === "HEAD" && route.method === "GET")) return { kind: "found", route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: "wrong_method", allowed } : { kind: "not_found" };
}

function matchPath(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split("/").slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const segment = segments[i] as string;
    if (part.startsWith(":")) {
      if (segment === "") return undefined;
      params[part.slice(1)] = segment;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}
