import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { createExposition } from "../../src/metrics/exposition.js";
import type { QueryAnswer, QueryInput } from "../../src/pipeline/pipeline.js";
import type { ApiDeps } from "../../src/server/api-deps.js";
import { type ApiServer, createApiServer } from "../../src/server/create-server.js";
import { listen } from "../../src/server/listen.js";
import type { Store } from "../../src/store/store.js";
import { recordQuery } from "../metrics/helpers.js";
import { openTestStore } from "../support/test-store.js";

/** A stand-in pipeline: traces the query into the store like the real one and answers its shape. */
export function fakeRunQuery(store: Store, delayMs = 0): (input: QueryInput) => Promise<QueryAnswer> {
  return async (input) => {
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const trace_id = await recordQuery(store, { decision: "llm_fallback" });
    return {
      trace_id,
      query: input.text,
      labels: ["emotion_sad"],
      confidence: 0.8,
      final_decision: "llm_fallback",
      model_version: "m1",
      duration_ms: 1,
      recommendations: [{ name: "Miso soup", cuisine: "japanese", score: 0.9, reason: "warming", diet: input.diets ?? [] }].slice(
        0,
        input.top ?? 5,
      ),
      diets: input.diets ?? [],
      allergens: [],
      notices: [],
    };
  };
}

export interface TestServer {
  base: string;
  port: number;
  store: Store;
  api: ApiServer;
  logs: string[];
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Partial<ApiDeps> = {}): Promise<TestServer> {
  const store = overrides.store ?? (await openTestStore());
  const logs: string[] = [];
  const deps: ApiDeps = {
    store,
    exposition: createExposition(store, { sources: { circuitModels: [] }, defaultMetrics: false }),
    runQuery: fakeRunQuery(store),
    apiToken: "",
    log: (line) => logs.push(line),
    ...overrides,
  };
  const api = createApiServer(deps);
  const { port } = await listen(api.server, "127.0.0.1", 0);
  return { base: `http://127.0.0.1:${port}`, port, store, api, logs, stop: () => api.close(1000) };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with full control of headers and body bytes (fetch cannot send a lying Content-Length). */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string; chunks?: Buffer[] },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path,
        // POST bodies must be JSON (415 otherwise); a test of that sets its own content-type.
        headers: { ...(options.method === "POST" ? { "content-type": "application/json" } : {}), ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    // The server may answer 413 and close before the whole body is sent: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

export const addressOf = (api: ApiServer) => (api.server.address() as AddressInfo).port;
