import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export const LOG_LINK_PREFIX = "/_sandbox/logs";

interface LogLink {
  text: string;
  expiresAt: number;
}

/**
 * Short-lived, unauthenticated download links for job logs, like the signed blob storage URLs
 * GitHub redirects log downloads to. A link serves the log as it was when the link was made.
 */
export class LogLinks {
  private readonly links = new Map<string, LogLink>();
  private readonly now: () => Date;
  private readonly ttlMs: number;

  constructor(now: () => Date, ttlMs: number) {
    this.now = now;
    this.ttlMs = ttlMs;
  }

  /** A new link under `apiUrl` serving `text` until the time to live has passed. */
  create(apiUrl: string, text: string): string {
    this.prune();
    const token = randomBytes(24).toString("base64url");
    this.links.set(token, { text, expiresAt: this.now().getTime() + this.ttlMs });
    return `${apiUrl}${LOG_LINK_PREFIX}/${token}`;
  }

  /** Serves `/_sandbox/logs/<token>`: 200 with the log, 403 once expired, 404 for unknown tokens. */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname.replace(/^\/api\/v3(?=\/)/, "");
    if (pathname !== LOG_LINK_PREFIX && !pathname.startsWith(`${LOG_LINK_PREFIX}/`)) return false;
    const method = (request.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Method Not Allowed\n");
      return true;
    }
    const link = this.links.get(pathname.slice(LOG_LINK_PREFIX.length + 1));
    if (!link) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("The specified blob does not exist.\n");
      return true;
    }
    if (link.expiresAt <= this.now().getTime()) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Signed expiry time has passed.\n");
      return true;
    }
    const body = Buffer.from(link.text, "utf8");
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-length": String(body.length) });
    response.end(method === "HEAD" ? undefined : body);
    return true;
  }

  /** Forgets links expired long enough that nobody can be holding a fresh one. */
  private prune(): void {
    const cutoff = this.now().getTime() - this.ttlMs;
    for (const [token, link] of this.links) if (link.expiresAt < cutoff) this.links.delete(token);
  }
}
