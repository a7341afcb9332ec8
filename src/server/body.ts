import type { IncomingMessage } from "node:http";
import { badRequest, HttpError } from "./http-error.js";

/** Largest request body accepted (DESIGN §11). */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (limit: number) =>
  new HttpError(413, "body_too_large", `The request body is over ${limit} bytes; send at most 1 MiB.`, { connection: "close" });

/**
 * Reads and parses a JSON body: refuses an oversized body from Content-Length before reading,
 * and enforces the limit while streaming (chunked bodies); invalid UTF-8 and malformed JSON are 400s.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const bytes = await readBytes(req, limit);
  if (bytes.length === 0) throw badRequest("empty_body", "The request body is empty; send a JSON object.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("invalid_utf8", "The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw badRequest("invalid_json", `The request body is not valid JSON (${detail}).`);
  }
}

function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause(); // stop buffering; the 413 goes out with Connection: close
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAborted = () => onError(new Error("client aborted the request"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}
