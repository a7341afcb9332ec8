import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted answer of the fake endpoint. */
export type FakeAnswer =
  | { kind: "reply"; content: string }
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: string }
  | { kind: "hang" };

export interface SeenRequest {
  authorization: string | undefined;
  body: { model?: string; messages?: { role: string; content: string }[] };
  at: number;
}

export interface FakeOpenAi {
  /** Base URL to set as MOODFOOD_LLM_BASE_URL (…/v1). */
  baseUrl: string;
  requests: SeenRequest[];
  /** Answers in order; the last one repeats. */
  script(...answers: FakeAnswer[]): void;
  close(): Promise<void>;
}

export const valid = (labels: string[] = ["emotion_tired", "weather_cold"], confidence = 0.8): FakeAnswer => ({
  kind: "reply",
  content: `\`\`\`json\n${JSON.stringify({ labels, confidence })}\n\`\`\``,
});

/** An OpenAI-compatible chat-completions endpoint on 127.0.0.1 that answers what the test scripts. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let answers: FakeAnswer[] = [valid()];
  const requests: SeenRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    requests.push({ authorization: req.headers.authorization, body: JSON.parse(raw || "{}"), at: Date.now() });
    const answer = (answers.length > 1 ? answers.shift() : answers[0]) as FakeAnswer;
    if (answer.kind === "hang") {
      hanging.add(res);
      return;
    }
    if (answer.kind === "status") {
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(answer.body ?? JSON.stringify({ error: { message: "scripted failure" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        model: "fake-model",
        choices: [{ message: { role: "assistant", content: answer.content } }],
        usage: { prompt_tokens: 120, completion_tokens: 14 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script(...next) {
      answers = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
