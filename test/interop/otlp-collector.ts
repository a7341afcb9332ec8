import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ExportTraceServiceRequest } from "../../src/tracing/otlp/otlp-json.js";

export interface ReceivedExport {
  path: string;
  headers: IncomingHttpHeaders;
  body: ExportTraceServiceRequest;
}

export interface FakeCollector {
  base: string;
  received: ReceivedExport[];
  close(): Promise<void>;
}

/** A node:http OTLP receiver on 127.0.0.1:0; `respond: false` accepts requests and never answers (a hung collector). */
export async function startCollector(options: { status?: number; respond?: boolean } = {}): Promise<FakeCollector> {
  const received: ReceivedExport[] = [];
  const server: Server = createServer((req, res) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(data) as ExportTraceServiceRequest });
      if (options.respond === false) return;
      res.writeHead(options.status ?? 200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was just listening and is now closed: connections are refused at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const attr = (attributes: { key: string; value: Record<string, unknown> }[], key: string): unknown => {
  const value = attributes.find((a) => a.key === key)?.value;
  return value && Object.values(value)[0];
};
