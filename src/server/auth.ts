import { createHash, timingSafeEqual } from "node:crypto";

/**
 * True when the Authorization header carries `Bearer <token>`. Both sides are hashed first so
 * timingSafeEqual compares equal lengths and the time taken says nothing about the token.
 */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const match = header ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  const given = match?.[1] ?? "";
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}
