import { createServer, type IncomingMessage, type Server } from "node:http";
import type { ApiDeps } from "./api-deps.js";
import { hasBearerToken } from "./auth.js";
import { toErrorResponse } from "./error-response.js";
import { isLoopbackHost } from "./listen.js";
import { allowedHost, isJson } from "./request-guards.js";
import { type ApiResponse, errorResponse, writeResponse } from "./respond.js";
import { matchRoute, type Route } from "./router.js";
import { API_ROUTES } from "./routes/index.js";

export interface ApiServer {
  server: Server;
  /** Stops accepting connections, lets in-flight requests finish, force-closes after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

/** The HTTP API on node:http: route table, bearer auth, JSON errors, graceful close. */
export function createApiServer(deps: ApiDeps, routes: readonly Route[] = API_ROUTES): ApiServer {
  let closing = false;
  const server = createServer((req, res) => {
    // While closing, a keep-alive connection is let go as soon as its last response is out.
    res.on("finish", () => closing && setImmediate(() => server.closeIdleConnections()));
    void handle(req)
      .then((response) => {
        const headers = closing ? { ...response.headers, connection: "close" } : response.headers;
        if (!res.headersSent && !res.destroyed) writeResponse(res, { ...response, headers });
      })
      .catch((error: unknown) => {
        deps.log(`moodfood api: could not write a response: ${String(error)}`);
        res.destroy();
      });
  });

  async function handle(req: IncomingMessage): Promise<ApiResponse> {
    try {
      return await route(req);
    } catch (error) {
      return toErrorResponse(error, deps.log);
    }
  }

  async function route(req: IncomingMessage): Promise<ApiResponse> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = matchRoute(routes, req.method ?? "GET", url.pathname);
    if (match.kind === "not_found") return errorResponse(404, "not_found", `No such route: ${req.method} ${url.pathname}.`);
    if (match.kind === "wrong_method") {
      const allow = match.allowed.includes("GET") ? [...match.allowed, "HEAD"] : match.allowed;
      return errorResponse(405, "method_not_allowed", `${url.pathname} accepts ${allow.join(", ")}, not ${req.method}.`, {
        allow: allow.join(", "),
      });
    }
    // Without a token, a loopback server's only guard against a web page driving it is the Host header (DNS rebinding).
    if (!deps.apiToken && isLoopbackHost(deps.bindHost ?? "127.0.0.1") && !allowedHost(req.headers.host, deps.bindHost)) {
      return errorResponse(
        403,
        "host_not_allowed",
        "This server answers only requests addressed to localhost (the Host header); set MOODFOOD_API_TOKEN to serve other names.",
      );
    }
    if (req.method === "POST" && !isJson(req.headers["content-type"])) {
      return errorResponse(415, "unsupported_media_type", "POST bodies must be JSON: send the header Content-Type: application/json.");
    }
    if (deps.apiToken && !match.route.public && !hasBearerToken(req.headers.authorization, deps.apiToken)) {
      return errorResponse(401, "unauthorized", "This route needs the header Authorization: Bearer <MOODFOOD_API_TOKEN>.", {
        "www-authenticate": 'Bearer realm="moodfood"',
      });
    }
    return match.route.handler({ req, url, params: match.params, deps });
  }

  return {
    server,
    close(graceMs = 10_000) {
      closing = true;
      return new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
