import { parse as parseYaml } from "yaml";
import { z } from "zod";

/** The part of `app.yml` the manifest takes; the rest of the file is passed on as it is. */
const AppYml = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  url: z.string().optional(),
  public: z.boolean().optional(),
  default_events: z.array(z.string()),
  default_permissions: z.record(z.string(), z.string()),
});
type AppYml = z.infer<typeof AppYml>;

/** GitHub refuses App names longer than this. */
export const MAX_APP_NAME_LENGTH = 34;

/** Where the setup flow's pages are. */
export const SETUP_PATHS = { page: "/setup", callback: "/setup/callback" } as const;

/** What the person registering the App chose on the setup page. */
export interface SetupChoices {
  /** The App's name on GitHub (unique there). */
  name: string;
  /** The URL GitHub reaches this server at, without a trailing slash. */
  publicUrl: string;
  /** The organization that will own the App, or null for the signed-in user. */
  org: string | null;
}

/** `app.yml` read and checked; a broken file is Foreman's own bug, so its error says which file. */
export function readAppYml(text: string): AppYml {
  const parsed = AppYml.safeParse(parseYaml(text));
  if (parsed.success) return parsed.data;
  throw new Error(
    `app.yml is not a GitHub App manifest: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
  );
}

/**
 * The manifest GitHub's App-manifest flow registers: `app.yml` (events, permissions) with the
 * chosen name, Foreman's webhook URL on the public URL, and this server's callback for the code.
 */
export function appManifest(appYml: AppYml, choices: SetupChoices, webhookPath: string): Record<string, unknown> {
  return {
    ...appYml,
    name: choices.name,
    public: appYml.public ?? false,
    hook_attributes: { url: `${choices.publicUrl}${webhookPath}`, active: true },
    redirect_url: `${choices.publicUrl}${SETUP_PATHS.callback}`,
  };
}

/** GitHub's page that takes the manifest: the user's, or the organization's; `state` comes back with the code. */
export function createAppUrl(github: { host: string; protocol: string }, org: string | null, state: string): string {
  const owner = org === null ? "" : `/organizations/${encodeURIComponent(org)}`;
  return `${github.protocol}://${github.host}${owner}/settings/apps/new?state=${encodeURIComponent(state)}`;
}
