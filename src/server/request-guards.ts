import { isLoopbackHost } from "./listen.js";

/** `application/json`, with or without parameters (`; charset=utf-8`): what a cross-site form cannot send without CORS. */
export function isJson(contentType: string | undefined): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** The Host header names this machine (a loopback name) or the configured bind host; a rebinding domain does not. */
export function allowedHost(hostHeader: string | undefined, bindHost: string | undefined): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.startsWith("[") ? hostHeader.slice(0, hostHeader.indexOf("]") + 1) : hostHeader.replace(/:\d+$/, "");
  return isLoopbackHost(name) || (bindHost !== undefined && name.toLowerCase() === bindHost.toLowerCase());
}
