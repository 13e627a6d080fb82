import { ProbotOctokit } from "probot";
import { z } from "zod";
import { classifyGitHubError } from "./classify-error.ts";

/** GitHub's answer to a manifest's code: the new App and its credentials (only this once). */
const Conversion = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  html_url: z.string(),
  pem: z.string(),
  webhook_secret: z.string().nullable(),
});

export interface RegisteredApp {
  id: number;
  slug: string;
  name: string;
  /** The App's page on GitHub. */
  htmlUrl: string;
  /** The App's private key (PEM). */
  privateKey: string;
  /** GitHub generates one for a manifest with a webhook; null if it did not. */
  webhookSecret: string | null;
}

/**
 * The last step of GitHub's App-manifest flow: `POST /app-manifests/{code}/conversions` turns the
 * code GitHub sent back (valid for an hour, once) into the App's ID, key and webhook secret. The
 * call is unauthenticated, through Probot's Octokit, on github.com's API or `baseUrl`.
 */
export async function convertManifestCode(code: string, baseUrl: string | undefined): Promise<RegisteredApp> {
  const octokit = new ProbotOctokit({ ...(baseUrl === undefined ? {} : { baseUrl }), retry: { enabled: false } });
  let data: unknown;
  try {
    ({ data } = await octokit.request("POST /app-manifests/{code}/conversions", { code }));
  } catch (error) {
    throw classifyGitHubError(error);
  }
  const app = Conversion.parse(data);
  return { id: app.id, slug: app.slug, name: app.name, htmlUrl: app.html_url, privateKey: app.pem, webhookSecret: app.webhook_secret };
}
