import { afterEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/server/body.js";
import { parseSamples, sumOf } from "../metrics/exposition-parse.js";
import { recordQuery } from "../metrics/helpers.js";
import { openTestStore } from "../support/test-store.js";
import { rawRequest, startTestServer, type TestServer } from "./helpers.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const start = async (overrides = {}) => (server = await startTestServer({ store: await openTestStore(), ...overrides }));
const post = (s: TestServer, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("HTTP API routes", () => {
  it("answers the probes", async () => {
    const s = await start();
    expect(await (await fetch(`${s.base}/livez`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${s.base}/readyz`)).status).toBe(200);
  });

  it("reports not ready when the store cannot be read", async () => {
    const s = await start();
    await s.store.close();
    const res = await fetch(`${s.base}/readyz`);
    expect(res.status).toBe(503);
    expect((await errorOf(res)).code).toBe("store_unavailable");
  });

  it("serves /metrics as text by default and OpenMetrics when Prometheus asks for it", async () => {
    const s = await start();
    await recordQuery(s.store);
    const text = await fetch(`${s.base}/metrics`);
    expect(text.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sumOf(parseSamples(await text.text()), "moodfood_queries_total")).toBe(1);
    const om = await fetch(`${s.base}/metrics`, {
      headers: { accept: "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1" },
    });
    expect(om.headers.get("content-type")).toMatch(/^application\/openmetrics-text; version=1\.0\.0/);
    expect(await om.text()).toMatch(/# \{trace_id="[0-9a-f]{32}"\} [\d.e-]+ [\d.]+\n[\s\S]*# EOF\n$/);
  });

  it("serves /metrics/raw as JSON", async () => {
    const s = await start();
    await recordQuery(s.store);
    const raw = (await (await fetch(`${s.base}/metrics/raw`)).json()) as { counters: { name: string; value: number }[] };
    expect(raw.counters.find((c) => c.name === "moodfood_queries_total")?.value).toBe(1);
  });

  it("returns a trace by id or prefix, 404 for an unknown id, 400 for a malformed one", async () => {
    const s = await start();
    const id = await recordQuery(s.store);
    const full = (await (await fetch(`${s.base}/trace/${id}`)).json()) as { trace_id: string; spans: unknown[]; started_at: string };
    expect(full.trace_id).toBe(id);
    expect(full.started_at).toMatch(/Z$/);
    expect(full.spans.length).toBeGreaterThan(0);
    expect((await fetch(`${s.base}/trace/${id.slice(0, 8)}`)).status).toBe(200);
    const missing = await fetch(`${s.base}/trace/${"f".repeat(32)}`);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("trace_not_found");
    expect((await fetch(`${s.base}/trace/not-hex`)).status).toBe(400);
  });

  it("runs POST /query and answers 200 with the query --json object", async () => {
    const s = await start();
    const res = await post(s, "/query", { query: "I'm sad and it's freezing", diet: ["vegan"], top: 1 });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { trace_id: string; query: string; recommendations: unknown[]; diets: string[] };
    expect(answer.query).toBe("I'm sad and it's freezing");
    expect(answer.diets).toEqual(["vegan"]);
    expect(answer.recommendations).toHaveLength(1);
    expect((await s.store.traces.get(answer.trace_id))?.status).toBe("ok");
  });

  it.each([
    ["malformed JSON", '{"query": "sad"', "invalid_json"],
    ["a JSON array", "[1]", "invalid_body"],
    ["an empty body", "", "empty_body"],
    ["no query", {}, "invalid_query"],
    ["a numeric query", { query: 5 }, "invalid_query"],
    ["an empty query", { query: " \u001b[31m \n" }, "empty_query"],
    ["a lone surrogate", '{"query": "sad \\ud800"}', "invalid_query"],
    ["an unknown diet", { query: "sad", diet: ["carnivore"] }, "invalid_diet"],
    ["a diet string", { query: "sad", diet: "vegan" }, "invalid_diet"],
    ["top 0", { query: "sad", top: 0 }, "invalid_top"],
    ["top 2.5", { query: "sad", top: 2.5 }, "invalid_top"],
    ["an unknown field", { query: "sad", mood: "x" }, "unknown_field"],
  ])("rejects %s with 400 and leaves no trace", async (_what, body, code) => {
    const s = await start();
    const res = await post(s, "/query", body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await errorOf(res)).code).toBe(code);
    expect(await s.store.traces.list({ limit: 5 })).toHaveLength(0);
  });

  it("rejects a body that is not UTF-8 with 400", async () => {
    const s = await start();
    const body = Buffer.concat([Buffer.from('{"query": "sad '), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const res = await rawRequest(s.port, { method: "POST", path: "/query", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe("invalid_utf8");
  });

  it("refuses a body over 1 MiB from its Content-Length, before reading it", async () => {
    const s = await start();
    const res = await rawRequest(s.port, {
      method: "POST",
      path: "/query",
      headers: { "content-length": String(MAX_BODY_BYTES + 1) },
      body: "{",
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("body_too_large");
  });

  it("refuses a chunked body once it streams past 1 MiB", async () => {
    const s = await start();
    const chunk = Buffer.alloc(256 * 1024, "a");
    const res = await rawRequest(s.port, {
      method: "POST",
      path: "/query",
      headers: { "transfer-encoding": "chunked" },
      chunks: [chunk, chunk, chunk, chunk, chunk],
    });
    expect(res.status).toBe(413);
    expect(await s.store.traces.list({ limit: 5 })).toHaveLength(0);
  });

  it("accepts a body of exactly 1 MiB (the limit is inclusive)", async () => {
    const s = await start();
    const prefix = '{"query": "sad", "user_id": "u", "session_id": "';
    const body = `${prefix}${"x".repeat(MAX_BODY_BYTES - prefix.length - 2)}"}`;
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    const res = await rawRequest(s.port, { method: "POST", path: "/query", body });
    // Reaches validation (session_id too long), i.e. the size was accepted.
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe("invalid_field");
  });

  it("answers 404 for an unknown route and 405 with Allow for a wrong method", async () => {
    const s = await start();
    const unknown = await fetch(`${s.base}/nope`);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("not_found");
    const wrong = await fetch(`${s.base}/query`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    const wrongGet = await post(s, "/metrics", {});
    expect(wrongGet.status).toBe(405);
    expect(wrongGet.headers.get("allow")).toBe("GET, HEAD");
  });

  it("answers GET /drift/summary with no check yet as an empty summary", async () => {
    const s = await start();
    const before = await fetch(`${s.base}/drift/summary`);
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ last_check: null, open_alerts: [] });
  });

  it("turns a pipeline bug into a 500 JSON error and logs it, without crashing the server", async () => {
    const s = await start({
      runQuery: async () => {
        throw new TypeError("boom");
      },
    });
    const res = await post(s, "/query", { query: "sad" });
    expect(res.status).toBe(500);
    expect((await errorOf(res)).code).toBe("internal_error");
    expect(s.logs.join("\n")).toContain("boom");
    expect((await fetch(`${s.base}/livez`)).status).toBe(200);
  });
});

describe("bearer token", () => {
  const token = "s3cret-token";

  it("requires Authorization: Bearer <token> except on /livez, /readyz and /metrics", async () => {
    const s = await start({ apiToken: token });
    for (const path of ["/livez", "/readyz", "/metrics"]) expect((await fetch(`${s.base}${path}`)).status).toBe(200);
    const denied = await fetch(`${s.base}/metrics/raw`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await post(s, "/query", { query: "sad" })).status).toBe(401);
    expect((await post(s, "/query", { query: "sad" }, { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await post(s, "/query", { query: "sad" }, { authorization: token })).status).toBe(401);
    expect((await post(s, "/query", { query: "sad" }, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await fetch(`${s.base}/metrics/raw`, { headers: { authorization: `bearer ${token}` } })).status).toBe(200);
  });
});
