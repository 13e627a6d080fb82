import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

const SESSION_COOKIE = "foreman_dashboard";

/** Whether two secrets are equal, in time that depends on neither (both are hashed to one length first). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The session cookie's value: derived from the token, so the cookie never holds the token, and a new token ends every session. */
function sessionValue(token: string): string {
  return createHmac("sha256", token).update("foreman dashboard session v1").digest("base64url");
}

function bearerOf(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

function cookieOf(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/** A request whose `Authorization: Bearer` is the token. */
export function authorizedBearer(request: IncomingMessage, token: string): boolean {
  const bearer = bearerOf(request.headers.authorization);
  return bearer !== null && sameSecret(bearer, token);
}

/** A request that carries the token (`Authorization: Bearer`) or the session cookie the login set. */
export function authorized(request: IncomingMessage, token: string): boolean {
  const bearer = bearerOf(request.headers.authorization);
  if (bearer !== null) return sameSecret(bearer, token);
  const session = cookieOf(request.headers.cookie, SESSION_COOKIE);
  return session !== null && sameSecret(session, sessionValue(token));
}

/** The cookie the login sets: HttpOnly, SameSite=Strict, for the dashboard's paths only; Secure behind HTTPS. */
export function sessionCookie(token: string, request: IncomingMessage, maxAgeSeconds: number): string {
  const secure = request.headers["x-forwarded-proto"] === "https" || ("encrypted" in request.socket && request.socket.encrypted === true);
  return `${SESSION_COOKIE}=${sessionValue(token)}; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}
