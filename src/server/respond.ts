import type { ServerResponse } from "node:http";

/** What a route returns; the server writes it. */
export interface ApiResponse {
  status: number;
  /** Serialised as JSON unless `text` is given. */
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A promise here would serialise as `{}`: the type refuses one, so every store read is awaited first. */
export const ok = <T>(json: T & (T extends PromiseLike<unknown> ? never : unknown)): ApiResponse => ({ status: 200, json });

export function writeResponse(res: ServerResponse, response: ApiResponse): void {
  const body = response.text ?? `${JSON.stringify(response.json ?? null)}\n`;
  const contentType =
    response.contentType ?? (response.text === undefined ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
  res.writeHead(response.status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...response.headers,
  });
  res.end(body);
}

export const errorResponse = (status: number, code: string, message: string, headers: Record<string, string> = {}): ApiResponse => ({
  status,
  json: { error: { code, message } },
  headers,
});
