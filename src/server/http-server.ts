import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Route } from "./routes.ts";
import { StartError } from "./start-error.ts";

/** What answers a request no route took: the webhook middleware, or a 404. */
type Fallback = (request: Parameters<Route>[0], response: Parameters<Route>[1]) => void;

const notFound: Fallback = (_request, response) => {
  response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
};

/** Runs the routes in order; a route that throws answers 500 and is logged. */
function dispatch(routes: readonly Route[], fallback: Fallback, log: Logger): Fallback {
  return (request, response) => {
    void (async () => {
      for (const route of routes) if (await route(request, response)) return;
      fallback(request, response);
    })().catch((error: unknown) => {
      log.error({ err: error, url: request.url }, "an HTTP route failed");
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("internal error");
    });
  };
}

/** Listens on `port` and `host` at once; resolves with the server and the port it got (for port 0). */
export async function listen(options: {
  port: number;
  host: string;
  routes: readonly Route[];
  fallback?: Fallback;
  log: Logger;
}): Promise<{ server: Server; port: number }> {
  const server = createServer(dispatch(options.routes, options.fallback ?? notFound, options.log));
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException): void => {
      const where = `${options.host}:${options.port}`;
      reject(
        new StartError(`PORT, HOST: cannot listen on ${where} (${error.code ?? error.message}); choose a free PORT or another HOST`, {
          cause: error,
        }),
      );
    };
    server.once("error", refuse);
    server.listen(options.port, options.host, () => {
      server.off("error", refuse);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
