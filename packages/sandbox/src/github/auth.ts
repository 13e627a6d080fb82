import { createPublicKey, randomBytes, verify } from "node:crypto";
import { ApiError } from "./errors.ts";
import type { SandboxStore } from "./state/store.ts";
import type { Account, Installation, SandboxApp } from "./state/types.ts";

export type Actor =
  | { kind: "anonymous" }
  | { kind: "app"; app: SandboxApp }
  | { kind: "installation"; app: SandboxApp; installation: Installation; account: Account }
  | { kind: "user"; account: Account };

const badCredentials = (): ApiError => new ApiError(401, "Bad credentials");
const INSTALLATION_TOKEN_TTL_MS = 60 * 60 * 1000;
const MAX_JWT_LIFETIME_SECONDS = 10 * 60;

export function actorLogin(actor: Actor): string | null {
  if (actor.kind === "user" || actor.kind === "installation") return actor.account.login;
  if (actor.kind === "app") return actor.app.slug;
  return null;
}

/** Resolves the `Authorization` header the way GitHub does, or throws a 401. */
export function authenticate(store: SandboxStore, header: string | undefined): Actor {
  if (!header) return { kind: "anonymous" };
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw badCredentials();
  const credential = match[1];
  if (credential.split(".").length === 3) return { kind: "app", app: verifyAppJwt(store, credential) };
  return actorForToken(store, credential);
}

function actorForToken(store: SandboxStore, token: string): Actor {
  const grant = store.tokens.get(token);
  if (!grant || grant.expiresAt <= store.now().getTime()) throw badCredentials();
  if (grant.kind === "user" && grant.login) {
    const account = store.findAccount(grant.login);
    if (!account) throw badCredentials();
    return { kind: "user", account };
  }
  const installation = grant.installationId === null ? undefined : store.installations.get(grant.installationId);
  const app = installation ? store.appFor(installation) : undefined;
  if (!installation || !app) throw badCredentials();
  return { kind: "installation", app, installation, account: app.bot };
}

function decodeSegment(segment: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    if (typeof value === "object" && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through to the 401 below
  }
  throw new ApiError(401, "A JSON web token could not be decoded");
}

function verifyAppJwt(store: SandboxStore, jwt: string): SandboxApp {
  const [headerPart, payloadPart, signaturePart] = jwt.split(".") as [string, string, string];
  const header = decodeSegment(headerPart);
  const payload = decodeSegment(payloadPart);
  if (header.alg !== "RS256") throw new ApiError(401, "A JSON web token could not be decoded");
  const app = store.apps.get(Number(payload.iss));
  if (!app) throw new ApiError(401, "Integration not found");
  const signed = verify(
    "RSA-SHA256",
    Buffer.from(`${headerPart}.${payloadPart}`),
    createPublicKey(app.publicKeyPem),
    Buffer.from(signaturePart, "base64url"),
  );
  if (!signed) throw new ApiError(401, "A JSON web token could not be decoded");
  checkJwtTimes(store, payload);
  return app;
}

function checkJwtTimes(store: SandboxStore, payload: Record<string, unknown>): void {
  const now = Math.floor(store.now().getTime() / 1000);
  const { iat, exp } = payload;
  if (typeof exp !== "number" || exp <= now) {
    throw new ApiError(
      401,
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  }
  if (typeof iat !== "number" || iat > now + 60) {
    throw new ApiError(401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
  }
  if (exp - iat > MAX_JWT_LIFETIME_SECONDS + 60) {
    throw new ApiError(401, "'Expiration time' claim ('exp') is too far in the future");
  }
}

export function issueInstallationToken(store: SandboxStore, installation: Installation): { token: string; expiresAt: string } {
  const token = `ghs_${randomBytes(18).toString("hex").slice(0, 36)}`;
  const expiresAt = store.now().getTime() + INSTALLATION_TOKEN_TTL_MS;
  store.tokens.set(token, { kind: "installation", installationId: installation.id, login: null, expiresAt });
  return { token, expiresAt: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z") };
}

export function issueUserToken(store: SandboxStore, login: string): string {
  const token = `ghu_${randomBytes(18).toString("hex").slice(0, 36)}`;
  store.tokens.set(token, { kind: "user", installationId: null, login, expiresAt: Number.MAX_SAFE_INTEGER });
  return token;
}

/** Expires every installation token at once, as after an hour of GitHub time. */
export function expireInstallationTokens(store: SandboxStore): void {
  for (const grant of store.tokens.values()) if (grant.kind === "installation") grant.expiresAt = 0;
}
