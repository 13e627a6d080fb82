/** Settings every command carries: nothing read from the host's git config, no hooks, no prompt, no other transport. */
export const BASE_CONFIG: readonly string[] = [
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "core.quotePath=false",
  "-c",
  "credential.helper=",
  "-c",
  "gc.auto=0",
  "-c",
  "maintenance.auto=false",
  "-c",
  "fetch.writeCommitGraph=false",
  "-c",
  "protocol.version=2",
  "-c",
  "protocol.allow=never",
  "-c",
  "protocol.https.allow=always",
  "-c",
  "protocol.http.allow=always",
  "-c",
  "http.followRedirects=false",
];

/** The user name GitHub expects with an installation token. */
const TOKEN_USER = "x-access-token";

/** The host's environment without any `GIT_*` variable, isolated from the host's git config. */
function isolatedEnvironment(): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_") && key !== "SSH_ASKPASS");
  return {
    ...Object.fromEntries(inherited),
    LC_ALL: "C",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_LITERAL_PATHSPECS: "1",
    GIT_OPTIONAL_LOCKS: "0",
  };
}

/**
 * The environment of one git command. The token travels as environment config (`GIT_CONFIG_COUNT`),
 * an `Authorization` header for the remote's address only: never in the arguments, which any user
 * of the host can list, nor in the repository's config. Git's own subprocesses (the fetch of a
 * missing blob) inherit it.
 */
export function gitEnvironment(remoteBase: string, token: string | null): NodeJS.ProcessEnv {
  const env = isolatedEnvironment();
  if (token === null) return env;
  const credentials = Buffer.from(`${TOKEN_USER}:${token}`, "utf8").toString("base64");
  return {
    ...env,
    GIT_CONFIG_COUNT: "1",
    GIT_CONFIG_KEY_0: `http.${remoteBase}/.extraHeader`,
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${credentials}`,
  };
}
