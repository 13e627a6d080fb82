import { sign } from "node:crypto";
import { z } from "zod";
import type { Harness } from "@foreman/sandbox/harness";

/** An installation token, asked of the sandbox as an app would: a JWT signed with the app's key. */
export async function installationToken(h: Harness): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 30, exp: now + 540, iss: String(h.app.id) })}`;
  const jwt = `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), h.privateKey).toString("base64url")}`;
  const response = await fetch(`${h.sandbox.url}/app/installations/${h.installation.id}/access_tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, accept: "application/vnd.github+json" },
  });
  return z.object({ token: z.string() }).parse(await response.json()).token;
}
