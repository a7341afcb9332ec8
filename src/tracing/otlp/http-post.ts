export interface PostResult {
  status: number;
  statusText: string;
}

/**
 * POSTs a body and drains the answer. node:http rather than fetch: on Node 20 the first fetch loads undici
 * (~100 ms) and its keep-alive socket delays exit by a few hundred more; a closed connection exits at once.
 */
export async function postJson(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostResult> {
  const { request } = url.startsWith("https:") ? await import("node:https") : await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.on("error", reject);
        res.on("close", () => (res.complete ? undefined : reject(new Error("connection closed mid-answer"))));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "" }));
        res.resume();
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
