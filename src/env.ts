import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import { z } from "zod";
import type { ChecksSettings, SetupNetwork } from "./adapters/checks/settings.ts";
import { DEFAULT_CAPABILITIES, loadProviders, ProvidersConfigError, type ResolvedProvider } from "./adapters/model/providers.ts";
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

const Env = z.object({
  APP_ID: z.string().regex(/^\d+$/, "must be the numeric App ID"),
  PRIVATE_KEY: z.string().optional(),
  PRIVATE_KEY_PATH: z.string().optional(),
  WEBHOOK_SECRET: z.string().min(1, "must be the webhook secret set on the App"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  FOREMAN_GITHUB_API_URL: z.url().optional(),
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
  /** Probot serialises writes 1 s apart (3 s for content) to respect GitHub's secondary limits; off only against a local sandbox. */
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
  ...RetentionEnv.shape,
});

export type ForemanEnv = z.infer<typeof Env> & { privateKey: string; llmApiKey: string; providers: ResolvedProvider[] };

export class EnvError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid environment:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.problems = problems;
    this.name = "EnvError";
  }
}

/** The configured provider chain, or one provider from FOREMAN_LLM_BASE_URL and its key. */
function providersOf(
  env: z.infer<typeof Env>,
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

/** Reads the environment once at start; every problem is reported together. */
export function parseEnv(source: NodeJS.ProcessEnv, readKeyFile: (path: string) => string): ForemanEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const env = parsed.data;
  const privateKey = env.PRIVATE_KEY ?? (env.PRIVATE_KEY_PATH ? readKeyFile(env.PRIVATE_KEY_PATH) : undefined);
  const { providers, problems: providerProblems } = providersOf(env, source, readKeyFile);
  const problems = [
    ...(privateKey ? [] : ["PRIVATE_KEY or PRIVATE_KEY_PATH: one must be set to the App's private key"]),
    ...providerProblems,
    ...folderProblems(env),
    ...[retentionProblem(retentionPolicy(env))].filter((problem) => problem !== null),
  ];
  if (problems.length > 0 || !privateKey) throw new EnvError(problems);
  const llmApiKey = providers[0]?.apiKey ?? "";
  return { ...env, privateKey: privateKey.replace(/\\n/g, "\n"), llmApiKey, providers };
}

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
