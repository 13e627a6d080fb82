import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { listen } from "../../../src/server/http-server.ts";
import { Readiness } from "../../../src/server/readiness.ts";
import { healthRoute, readinessRoute } from "../../../src/server/routes.ts";
import { StartError } from "../../../src/server/start-error.ts";

const log = pino({ level: "silent" });

describe("/healthz and /readyz", () => {
  const closers: (() => void)[] = [];
  afterEach(() => closers.splice(0).forEach((close) => close()));

  it("answers /readyz 503 with each part's state until every part is up, then 200; /healthz 200 throughout", async () => {
    const readiness = new Readiness({ github: "signing in", database: "ok", worker: "waiting" });
    const { server, port } = await listen({ port: 0, host: "127.0.0.1", routes: [healthRoute, readinessRoute(readiness)], log });
    closers.push(() => server.close());
    const get = (path: string): Promise<Response> => fetch(`http://127.0.0.1:${port}${path}`);

    const before = await get("/readyz");
    readiness.up("github");
    readiness.up("worker");
    const after = await get("/readyz");

    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ ready: false, parts: { github: "signing in", database: "ok", worker: "waiting" } });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ ready: true, parts: { github: "ok", database: "ok", worker: "ok" } });
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/elsewhere")).status).toBe(404);
  });

  it("refuses a port in use with a StartError naming PORT", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    closers.push(() => taken.close());
    const { port } = taken.address() as AddressInfo;

    await expect(listen({ port, host: "127.0.0.1", routes: [], log })).rejects.toThrow(StartError);
    await expect(listen({ port, host: "127.0.0.1", routes: [], log })).rejects.toThrow(
      /^PORT, HOST: cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/,
    );
  });
});
