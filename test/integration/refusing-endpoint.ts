import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";

/**
 * An OpenAI-compatible endpoint that refuses every key as OpenAI answers a wrong one (401
 * `invalid_api_key`, the key masked in the message); it counts its requests and stops with the test.
 */
export async function refusingEndpoint(): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((incoming, response) => {
    requests += 1;
    incoming.resume();
    const error = {
      message: "Incorrect API key provided: sk-wr***ng.",
      type: "invalid_request_error",
      param: null,
      code: "invalid_api_key",
    };
    response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests: () => requests };
}
