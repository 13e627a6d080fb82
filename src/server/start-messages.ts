import { GitHubCallError } from "../ports/errors.ts";
import { StartError } from "./start-error.ts";

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What `/readyz` says while GitHub fails at start: the failure and when Foreman tries again. */
export function describeRetry(error: unknown, waitMs: number): string {
  return `GitHub did not answer (${reasonOf(error)}); trying again in ${Math.ceil(waitMs / 1000)} s`;
}

/** Where the App's credentials and GitHub's address come from, for the messages. */
interface CredentialSettings {
  APP_ID: string;
  PRIVATE_KEY?: string | undefined;
  FOREMAN_GITHUB_API_URL?: string | undefined;
}

/** GitHub refusing to read the App at start, as what the operator must fix: the key, the App ID, or GitHub's address. */
export function credentialsRefused(error: unknown, env: CredentialSettings): StartError {
  const key = env.PRIVATE_KEY === undefined ? "PRIVATE_KEY_PATH" : "PRIVATE_KEY";
  const api = env.FOREMAN_GITHUB_API_URL ?? "https://api.github.com";
  const status = error instanceof GitHubCallError ? error.status : null;
  const message =
    status === 401
      ? `GitHub refused the App's credentials at ${api} (401): ${key} must be a current private key of the App whose ID is APP_ID (${env.APP_ID}). Check APP_ID on the App's settings page, or generate a new key under its Private keys.`
      : status === 404
        ? `GitHub found no App with ID ${env.APP_ID} at ${api} (404): check APP_ID, and GHE_HOST or FOREMAN_GITHUB_API_URL for GitHub Enterprise Server.`
        : `Could not sign in to GitHub as the App at ${api} (${reasonOf(error)}): check APP_ID, ${key}, and GHE_HOST or FOREMAN_GITHUB_API_URL.`;
  return new StartError(message, { cause: error });
}
