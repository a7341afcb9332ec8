import type { Server } from "node:http";
import { isIP } from "node:net";
import { UsageError, UserError } from "../errors.js";

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  const v4 = bare.startsWith("::ffff:") ? bare.slice(7) : bare;
  return isIP(v4) === 4 && v4.startsWith("127.");
}

/** A token anyone on the network may guess at: 32 characters (e.g. 24 random bytes in hex) put it out of reach. */
const MIN_TOKEN_CHARS = 32;

/** A non-loopback bind serves the API to the network: it needs MOODFOOD_API_TOKEN, or an explicit --insecure. */
export function assertSafeBind(host: string, apiToken: string, insecure: boolean): void {
  if (isLoopbackHost(host) || insecure) return;
  if (apiToken && apiToken.length < MIN_TOKEN_CHARS)
    throw new UsageError(
      "weak_token",
      `MOODFOOD_API_TOKEN has ${apiToken.length} characters; serving on ${host} needs at least ${MIN_TOKEN_CHARS} (e.g. openssl rand -hex 24).`,
    );
  if (apiToken) return;
  throw new UsageError(
    "insecure_bind",
    `Refusing to serve on ${host} without MOODFOOD_API_TOKEN: set a token, bind 127.0.0.1, or pass --insecure to serve unauthenticated.`,
  );
}

/** Starts listening; a busy or forbidden port becomes one clear line naming the port and --port. */
export function listen(server: Server, host: string, port: number): Promise<{ host: string; port: number }> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      reject(listenError(error, host, port));
    };
    const onListening = () => {
      server.off("error", onError);
      const address = server.address();
      resolve({ host, port: typeof address === "object" && address ? address.port : port });
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case "EADDRINUSE":
      return new UserError(
        "port_in_use",
        `Port ${port} on ${host} is already in use; stop the other server or choose another port with --port.`,
      );
    case "EACCES":
      return new UserError("port_denied", `Not allowed to listen on port ${port}; choose a port above 1023 with --port.`);
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new UserError("bad_host", `Cannot listen on ${host}: it is not an address of this machine; pass one with --host.`);
    default:
      return error;
  }
}
