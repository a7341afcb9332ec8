import { afterEach, describe, expect, it } from "vitest";
import { openTestStore } from "../support/test-store.js";
import { rawRequest, startTestServer, type TestServer } from "./helpers.js";

// DESIGN §11: a web page cannot drive a local server without a token (cross-site POST, DNS rebinding).
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
const start = async (apiToken = "") => {
  const s = await startTestServer({ store: await openTestStore(), apiToken });
  servers.push(s);
  return s;
};
const body = JSON.stringify({ query: "I'm sad" });

describe("request guards", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "refuses a POST with Content-Type %s: 415, nothing run",
    async (type) => {
      const s = await start();
      const res = await rawRequest(s.port, { method: "POST", path: "/query", headers: { "content-type": type }, body });
      expect(res.status).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "unsupported_media_type" } });
      expect(await s.store.traces.count()).toBe(0);
    },
  );

  it("refuses a POST without Content-Type, also with a token", async () => {
    const s = await start("x".repeat(32));
    const res = await rawRequest(s.port, {
      method: "POST",
      path: "/query",
      headers: { "content-type": "", authorization: `Bearer ${"x".repeat(32)}` },
      body,
    });
    expect(res.status).toBe(415);
  });

  it("accepts application/json with a charset", async () => {
    const s = await start();
    const res = await rawRequest(s.port, {
      method: "POST",
      path: "/query",
      headers: { "content-type": "application/json; charset=utf-8" },
      body,
    });
    expect(res.status).toBe(200);
  });

  it("without a token, refuses a Host that is not a loopback name (DNS rebinding), on every route", async () => {
    const s = await start();
    for (const path of ["/metrics", "/livez", "/trace/abcdef"]) {
      const res = await rawRequest(s.port, { path, headers: { host: "evil.example:9189" } });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "host_not_allowed" } });
    }
    const post = await rawRequest(s.port, { method: "POST", path: "/query", headers: { host: "attacker.test" }, body });
    expect(post.status).toBe(403);
    expect(await s.store.traces.count()).toBe(0);
    for (const host of ["localhost:9189", "127.0.0.1", "[::1]:9189", "127.0.0.2:80"]) {
      expect((await rawRequest(s.port, { path: "/livez", headers: { host } })).status).toBe(200);
    }
  });

  it("with a token, the token is the guard and any Host is served", async () => {
    const s = await start("y".repeat(32));
    const res = await rawRequest(s.port, { path: "/livez", headers: { host: "moodfood.internal:9189" } });
    expect(res.status).toBe(200);
  });
});
