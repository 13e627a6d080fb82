import { authenticate, type Actor } from "../auth.ts";
import { ApiError } from "../errors.ts";
import type { SandboxStore } from "../state/store.ts";
import type { Repository } from "../state/types.ts";

/** What git is told when it must send credentials, as GitHub tells it. */
export const BASIC_CHALLENGE = { "www-authenticate": 'Basic realm="GitHub"' } as const;

/** The user name GitHub expects with an installation token. */
const INSTALLATION_USER = "x-access-token";

export class GitHttpDenied extends Error {
  readonly status: 401 | 404;
  constructor(status: 401 | 404, message: string) {
    super(message);
    this.status = status;
    this.name = "GitHttpDenied";
  }
}

function basicCredentials(header: string | undefined): { user: string; password: string } | null {
  const match = /^basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function actorOf(store: SandboxStore, header: string | undefined): Actor {
  const credentials = basicCredentials(header);
  if (!credentials || credentials.password === "" || credentials.password.split(".").length === 3) {
    throw new GitHttpDenied(401, "Authentication required: use x-access-token and an installation token");
  }
  try {
    const actor = authenticate(store, `token ${credentials.password}`);
    if (actor.kind === "installation" && credentials.user !== INSTALLATION_USER) {
      throw new GitHttpDenied(401, `An installation token is sent with the user name ${INSTALLATION_USER}`);
    }
    return actor;
  } catch (error) {
    if (error instanceof ApiError) throw new GitHttpDenied(401, "Invalid username or token");
    throw error;
  }
}

function canRead(store: SandboxStore, actor: Actor, repo: Repository): boolean {
  if (actor.kind === "installation") return store.installationFor(repo)?.id === actor.installation.id;
  if (actor.kind === "user") {
    const login = actor.account.login.toLowerCase();
    return !repo.private || repo.owner.login.toLowerCase() === login || (repo.collaborators.get(login) ?? "none") !== "none";
  }
  return false;
}

/**
 * The actor behind a git request's HTTP Basic credentials, allowed to read `owner/name`: 401 without
 * or with bad credentials, 404 for a repository it may not see (GitHub does not say it exists).
 */
export function authorizeGitRead(
  store: SandboxStore,
  header: string | undefined,
  owner: string,
  name: string,
): { actor: Actor; repo: Repository } {
  const actor = actorOf(store, header);
  const repo = store.findRepository(owner, name);
  if (!repo || !canRead(store, actor, repo)) throw new GitHttpDenied(404, "Repository not found.");
  return { actor, repo };
}
