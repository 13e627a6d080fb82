import { createPrivateKey } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import { z } from "zod";
import type { ChecksSettings, SetupNetwork } from "./adapters/checks/settings.ts";
import { DEFAULT_CAPABILITIES, loadProviders, ProvidersConfigError, type ResolvedProvider } from "./adapters/model/providers.ts";
import { MODEL_ENV, modelSettings, type ModelSettings as OperatorModelSettings } from "./env-models.ts";
import { DEFAULT_RETENTION, MIN_RETENTION_DAYS, retentionProblem, type RetentionPolicy } from "./store/sqlite/retention.ts";

const Seconds = z.coerce.number().min(0).max(86_400);

/** A list in one variable: items split at `separator`, blanks dropped. */
function listOf(separator: string, item: z.ZodString): z.ZodType<string[], string | undefined> {
  return z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(separator)
        .map((part) => part.trim())
        .filter((part) => part !== ""),
    )
    .pipe(z.array(item));
}

const Toolchains = listOf(
  ":",
  z
    .string()
    .refine((dir) => isAbsolute(dir) && dir !== "/", { error: (issue) => `${JSON.stringify(issue.input)} is not an absolute folder` }),
);

const EnvNames = listOf(
  ",",
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a variable name` }),
);

/** `none`, `all`, or installation ids separated by commas. */
const SetupNetworkSetting = z
  .string()
  .default("none")
  .transform((value, context): SetupNetwork => {
    const trimmed = value.trim();
    if (trimmed === "none" || trimmed === "") return { kind: "none" };
    if (trimmed === "all") return { kind: "all" };
    const ids = trimmed.split(",").map((part) => part.trim());
    if (ids.every((id) => /^\d+$/.test(id))) return { kind: "installations", ids: ids.map(Number) };
    context.addIssue({ code: "custom", message: "must be none, all, or installation ids separated by commas" });
    return z.NEVER;
  });

// Retention: how long finished work is kept, read by the server and by `foreman prune` (docs/operations.md, Retention).
const Days = z.coerce
  .number()
  .int()
  .min(
    MIN_RETENTION_DAYS,
    `must be at least ${MIN_RETENTION_DAYS} days: GitHub may redeliver a webhook for days, and its record makes that harmless`,
  )
  .max(36_500);
const RetentionEnv = z.object({
  /** Days a finished workflow's deliveries, jobs and effect results are kept. */
  FOREMAN_RETENTION_DAYS: Days.default(DEFAULT_RETENTION.retentionDays),
  /** Days a finished workflow's audit trail (its events and its row) is kept; at least FOREMAN_RETENTION_DAYS. */
  FOREMAN_AUDIT_RETENTION_DAYS: Days.default(DEFAULT_RETENTION.auditRetentionDays),
  /** How often the server prunes what the retention lets go, in hours; 0: only `foreman prune` does. */
  FOREMAN_PRUNE_HOURS: z.coerce.number().min(0).max(8760).default(1),
});

/** A bearer secret for the operator's paths: long enough that guessing it is hopeless. */
const OperatorToken = z
  .string()
  .min(16, "must be at least 16 characters; make one with `openssl rand -hex 32`")
  .regex(/^\S+$/, "must not contain spaces")
  .optional();

/** Observability: the dashboard (off unless its token is set) and an optional token for `/metrics`; see docs/operations.md. */
const ObservabilityEnv = {
  FOREMAN_DASHBOARD_TOKEN: OperatorToken,
  FOREMAN_METRICS_TOKEN: OperatorToken,
};

// Start-up: the server, logs, where GitHub is (GitHub Enterprise Server as Probot names it) and the setup page.
const STARTUP_SHAPE = {
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  /** `json` lines (default) for log collectors, `pretty` for people. */
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
  /** The file of settings loaded at start (the environment wins); the setup page writes the App's credentials to it. */
  FOREMAN_ENV_FILE: z.string().min(1).default(".env"),
  /** GitHub Enterprise Server's host name; the API is then `GHE_PROTOCOL://GHE_HOST/api/v3`. */
  GHE_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, "must be a host name (github.example.com), without a scheme or a path")
    .optional(),
  GHE_PROTOCOL: z.enum(["https", "http"]).default("https"),
  /** The organization the setup page registers the App under; default: the signed-in user's account. */
  GH_ORG: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, "must be an organization's login")
    .optional(),
  /** GitHub's REST API base URL; overrides GHE_HOST (a proxy in front of the API, a local sandbox). */
  FOREMAN_GITHUB_API_URL: z.url().optional(),
};

/** The settings start-up needs before it knows whether the App is registered. */
const StartupEnv = z.object(STARTUP_SHAPE);
export type StartupSettings = z.infer<typeof StartupEnv>;

const Env = z.object({
  ...STARTUP_SHAPE,
  APP_ID: z
    .string({
      error: "is not set: the App's numeric ID, on its settings page (or register the App: unset every credential and open the setup page)",
    })
    .regex(/^\d+$/, "must be the numeric App ID"),
  PRIVATE_KEY: z.string().optional(),
  PRIVATE_KEY_PATH: z.string().optional(),
  WEBHOOK_SECRET: z.string({ error: "is not set: the webhook secret set on the App" }).min(1, "must be the webhook secret set on the App"),
  FOREMAN_DB_PATH: z.string().default(".foreman/foreman.db"),
  FOREMAN_LLM_BASE_URL: z.url().default("https://api.openai.com/v1"),
  FOREMAN_LLM_API_KEY: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  FOREMAN_DEFAULT_MODEL: z.string().default("gpt-4o-mini"),
  /** The model provider chain as JSON; see docs/operations.md. */
  FOREMAN_PROVIDERS: z.string().optional(),
  /** A YAML file with the model provider chain, instead of FOREMAN_PROVIDERS. */
  FOREMAN_PROVIDERS_FILE: z.string().optional(),
  FOREMAN_MODEL_TIMEOUT_SECONDS: Seconds.default(120),
  FOREMAN_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** A job whose worker died runs again this long after its last heartbeat. */
  FOREMAN_LEASE_SECONDS: Seconds.min(1).default(60),
  /** On SIGTERM, how long jobs in hand may take to finish before their leases are released. */
  FOREMAN_SHUTDOWN_GRACE_SECONDS: Seconds.default(8),
  /** How often open workflows are compared with GitHub; 0 turns the timer off (it still runs on start). */
  FOREMAN_RECONCILE_SECONDS: Seconds.default(300),
  /** How often every installation is scanned for labelled issues Foreman does not know (a missed label, a lost database). */
  FOREMAN_RECONCILE_SCAN_SECONDS: Seconds.default(3600),
  /** Each installation's writes paced under GitHub's secondary limits (see the block below); off only against a local sandbox. */
  FOREMAN_GITHUB_THROTTLE: z.enum(["on", "off"]).default("on"),
  /** Workflows one installation may have running at once; a label over the cap is refused with a comment. */
  FOREMAN_MAX_WORKFLOWS_PER_INSTALLATION: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Where repositories are cloned for the agents to read; default: a `workspaces` folder beside the database. */
  FOREMAN_WORKSPACE_DIR: z.string().min(1).optional(),
  /** The clones' disk cap in MiB; least recently used repositories are evicted over it. */
  FOREMAN_WORKSPACE_MAX_MB: z.coerce.number().int().min(1).max(16_777_216).default(2048),
  /** Where the repository's own checks run: in the OS sandbox (bubblewrap), without it (limits only), or not at all. */
  FOREMAN_CHECKS: z.enum(["sandbox", "unsandboxed", "off"]).default("sandbox"),
  /** Working copies and cached setup results; default: a `checks` folder beside the workspace cache. */
  FOREMAN_CHECKS_DIR: z.string().min(1).optional(),
  /** Folders of tools the checks need (a JDK, a Python, Go), bound read-only; colon-separated absolute paths. */
  FOREMAN_CHECKS_TOOLCHAINS: Toolchains,
  /** Names of Foreman's variables the checks receive, comma-separated; none by default. */
  FOREMAN_CHECKS_ENV: EnvNames,
  /** Whose setup command may reach the network: none (default), all, or installation ids. */
  FOREMAN_CHECKS_SETUP_NETWORK: SetupNetworkSetting,
  /** Private writable memory of each process of a check, in MiB. */
  FOREMAN_CHECKS_MEMORY_MB: z.coerce.number().int().min(256).max(1_048_576).default(2048),
  /** Processes (and threads) a check may have at once. */
  FOREMAN_CHECKS_PROCESSES: z.coerce.number().int().min(16).max(1_000_000).default(256),
  /** Output kept of one command, in KiB. */
  FOREMAN_CHECKS_OUTPUT_KB: z.coerce.number().int().min(4).max(1_048_576).default(1024),
  ...ObservabilityEnv,

  // Lanes and GitHub's write budget (docs/development/performance.md).
  /** Jobs in model work at once (coder, debugger, reviewer, engineer, planner), beside FOREMAN_WORKER_CONCURRENCY short jobs. */
  FOREMAN_MODEL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(12),
  /** Jobs in model work at once for one installation. */
  FOREMAN_MODEL_CONCURRENCY_PER_INSTALLATION: z.coerce.number().int().min(1).max(256).default(6),
  /** Writes one installation makes a minute, with the throttle on; GitHub's secondary limit is 80. */
  FOREMAN_GITHUB_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(80).default(70),
  /** Writes one installation makes an hour, with the throttle on; GitHub's secondary limit is 500. */
  FOREMAN_GITHUB_WRITES_PER_HOUR: z.coerce.number().int().min(1).max(500).default(450),

  // Models and money (src/env-models.ts): prices, allowed models, ceilings per issue.
  ...MODEL_ENV,

  ...RetentionEnv.shape,
});

export type ForemanEnv = z.infer<typeof Env> & {
  privateKey: string;
  llmApiKey: string;
  providers: ResolvedProvider[];
} & OperatorModelSettings;

export class EnvError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid environment:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.problems = problems;
    this.name = "EnvError";
  }
}

/** The configured provider chain, or one provider from FOREMAN_LLM_BASE_URL and its key. */
type ModelSettings = Pick<
  z.infer<typeof Env>,
  "FOREMAN_PROVIDERS" | "FOREMAN_PROVIDERS_FILE" | "FOREMAN_LLM_API_KEY" | "OPENAI_API_KEY" | "FOREMAN_LLM_BASE_URL"
>;

/** The model's settings straight from the environment, for a report of problems when other variables are wrong. */
function modelSettingsOf(source: NodeJS.ProcessEnv): ModelSettings {
  const { FOREMAN_PROVIDERS, FOREMAN_PROVIDERS_FILE, FOREMAN_LLM_API_KEY, OPENAI_API_KEY } = source;
  return {
    FOREMAN_PROVIDERS,
    FOREMAN_PROVIDERS_FILE,
    FOREMAN_LLM_API_KEY,
    OPENAI_API_KEY,
    FOREMAN_LLM_BASE_URL: source.FOREMAN_LLM_BASE_URL ?? "https://api.openai.com/v1",
  };
}

function providersOf(
  env: ModelSettings,
  source: NodeJS.ProcessEnv,
  readFile: (path: string) => string,
): { providers: ResolvedProvider[]; problems: string[] } {
  try {
    const chain = loadProviders({ json: env.FOREMAN_PROVIDERS, file: env.FOREMAN_PROVIDERS_FILE }, source, readFile);
    if (chain) return { providers: chain, problems: [] };
  } catch (error) {
    if (error instanceof ProvidersConfigError)
      return { providers: [], problems: error.problems.map((problem) => `FOREMAN_PROVIDERS: ${problem}`) };
    throw error;
  }
  const apiKey = env.FOREMAN_LLM_API_KEY ?? env.OPENAI_API_KEY;
  if (!apiKey)
    return {
      providers: [],
      problems: ["FOREMAN_LLM_API_KEY (or OPENAI_API_KEY): must be set to the model endpoint's key, or configure FOREMAN_PROVIDERS"],
    };
  const apiKeyEnv = env.FOREMAN_LLM_API_KEY ? "FOREMAN_LLM_API_KEY" : "OPENAI_API_KEY";
  const provider = { name: "default", baseUrl: env.FOREMAN_LLM_BASE_URL, apiKeyEnv, apiKey, ...DEFAULT_CAPABILITIES };
  return { providers: [provider], problems: [] };
}

/** The workspace cache and the checks folder must be apart: eviction deletes what is in the cache, a start empties the checks' working copies. */
function folderProblems(env: z.infer<typeof Env>): string[] {
  const workspace = resolve(workspaceDir(env));
  const checks = resolve(checksDir(env));
  const within = (parent: string, path: string): boolean => path === parent || path.startsWith(`${parent}${sep}`);
  if (!within(workspace, checks) && !within(checks, workspace)) return [];
  return ["FOREMAN_CHECKS_DIR: must be apart from FOREMAN_WORKSPACE_DIR (neither inside the other)"];
}

const issueText = (issue: z.core.$ZodIssue): string => `${issue.path.join(".")}: ${issue.message}`;

/** Reads the environment once at start; every problem is reported together. */
export function parseEnv(source: NodeJS.ProcessEnv, readKeyFile: (path: string) => string): ForemanEnv {
  const parsed = Env.safeParse(source);
  // The key and the model's settings are checked even when other variables are wrong, so that one message lists them all.
  const key = readPrivateKey(source, readKeyFile);
  const { providers, problems: providerProblems } = providersOf(parsed.data ?? modelSettingsOf(source), source, readKeyFile);
  const models = parsed.success ? modelSettings(parsed.data, readKeyFile) : null;
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map(issueText)),
    ...key.problems,
    ...providerProblems,
    ...(parsed.success ? folderProblems(parsed.data) : []),
    ...(models?.problems ?? []),
    ...(parsed.success ? [retentionProblem(retentionPolicy(parsed.data))].filter((problem) => problem !== null) : []),
  ];
  if (!parsed.success || problems.length > 0 || key.privateKey === null) throw new EnvError(problems);
  const env = parsed.data;
  const llmApiKey = providers[0]?.apiKey ?? "";
  const FOREMAN_GITHUB_API_URL = githubApiUrl(env);
  if (!models) throw new EnvError(problems);
  return { ...env, FOREMAN_GITHUB_API_URL, privateKey: key.privateKey, llmApiKey, providers, ...models.settings };
}

/** The settings start-up reads before it knows whether the App is registered; every problem together. */
export function parseStartupEnv(source: NodeJS.ProcessEnv): StartupSettings {
  const parsed = StartupEnv.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map(issueText));
  return parsed.data;
}

/** The App's credentials are unset, every one of them: start-up serves the setup page instead. */
export function lacksAppCredentials(source: NodeJS.ProcessEnv): boolean {
  return ["APP_ID", "PRIVATE_KEY", "PRIVATE_KEY_PATH", "WEBHOOK_SECRET"].every((name) => (source[name] ?? "") === "");
}

/** GitHub's REST API: FOREMAN_GITHUB_API_URL, else GitHub Enterprise Server's `/api/v3` on GHE_HOST, else github.com's (undefined). */
export function githubApiUrl(env: Pick<StartupSettings, "FOREMAN_GITHUB_API_URL" | "GHE_HOST" | "GHE_PROTOCOL">): string | undefined {
  if (env.FOREMAN_GITHUB_API_URL !== undefined) return env.FOREMAN_GITHUB_API_URL;
  return env.GHE_HOST === undefined ? undefined : `${env.GHE_PROTOCOL}://${env.GHE_HOST}/api/v3`;
}

/** The App's private key from PRIVATE_KEY (`\\n` escapes allowed) or the file at PRIVATE_KEY_PATH, checked to be a private key. */
function readPrivateKey(env: NodeJS.ProcessEnv, readKeyFile: (path: string) => string): { privateKey: string | null; problems: string[] } {
  const name = (env.PRIVATE_KEY ?? "") !== "" ? "PRIVATE_KEY" : "PRIVATE_KEY_PATH";
  let text: string;
  try {
    const path = env.PRIVATE_KEY_PATH ?? "";
    text = name === "PRIVATE_KEY" ? (env.PRIVATE_KEY ?? "") : path === "" ? "" : readKeyFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { privateKey: null, problems: [`PRIVATE_KEY_PATH: cannot read the key file (${reason}); point it at the App's .pem file`] };
  }
  if (text.trim() === "")
    return { privateKey: null, problems: ["PRIVATE_KEY or PRIVATE_KEY_PATH: one must be set to the App's private key"] };
  const privateKey = text.replace(/\\n/g, "\n");
  const problem = privateKeyProblem(privateKey);
  if (problem === null) return { privateKey, problems: [] };
  return {
    privateKey: null,
    problems: [`${name}: ${problem}; use the .pem file GitHub generated under the App's settings → Private keys`],
  };
}

/** Why a text is not a usable private key (PEM), or null. */
function privateKeyProblem(text: string): string | null {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return "is not a PEM private key (no -----BEGIN RSA PRIVATE KEY----- line)";
  try {
    createPrivateKey(text);
    return null;
  } catch (error) {
    return `is not a readable private key (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Every variable this module reads, for the documentation's checks. */
export const ENV_NAMES: readonly string[] = Object.keys(Env.shape);

/** The workspace cache: `FOREMAN_WORKSPACE_DIR`, else `workspaces` beside the database (in the temp folder for an in-memory one). */
export function workspaceDir(env: Pick<ForemanEnv, "FOREMAN_WORKSPACE_DIR" | "FOREMAN_DB_PATH">): string {
  if (env.FOREMAN_WORKSPACE_DIR !== undefined) return env.FOREMAN_WORKSPACE_DIR;
  return env.FOREMAN_DB_PATH === ":memory:" ? join(tmpdir(), "foreman-workspaces") : join(dirname(env.FOREMAN_DB_PATH), "workspaces");
}

/** Local checks' folder: `FOREMAN_CHECKS_DIR`, else `checks` beside the workspace cache (in the temp folder for an in-memory database). */
function checksDir(env: Pick<ForemanEnv, "FOREMAN_CHECKS_DIR" | "FOREMAN_WORKSPACE_DIR" | "FOREMAN_DB_PATH">): string {
  if (env.FOREMAN_CHECKS_DIR !== undefined) return env.FOREMAN_CHECKS_DIR;
  if (env.FOREMAN_WORKSPACE_DIR === undefined && env.FOREMAN_DB_PATH === ":memory:") return join(tmpdir(), "foreman-checks");
  return join(dirname(workspaceDir(env)), "checks");
}

/** The local checks' settings as the adapter takes them. */
export function checksSettings(env: ForemanEnv): ChecksSettings {
  return {
    mode: env.FOREMAN_CHECKS,
    dir: checksDir(env),
    toolchains: env.FOREMAN_CHECKS_TOOLCHAINS,
    passEnv: env.FOREMAN_CHECKS_ENV,
    setupNetwork: env.FOREMAN_CHECKS_SETUP_NETWORK,
    memoryMb: env.FOREMAN_CHECKS_MEMORY_MB,
    processes: env.FOREMAN_CHECKS_PROCESSES,
    outputKb: env.FOREMAN_CHECKS_OUTPUT_KB,
  };
}

/** The retention settings alone, for `foreman prune`, which needs none of the server's credentials; an `EnvError` when they are wrong. */
export function parseRetentionEnv(source: NodeJS.ProcessEnv): RetentionPolicy {
  const parsed = RetentionEnv.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const policy = retentionPolicy(parsed.data);
  const problem = retentionProblem(policy);
  if (problem) throw new EnvError([problem]);
  return policy;
}

export function retentionPolicy(env: z.infer<typeof RetentionEnv>): RetentionPolicy {
  return { retentionDays: env.FOREMAN_RETENTION_DAYS, auditRetentionDays: env.FOREMAN_AUDIT_RETENTION_DAYS };
}
