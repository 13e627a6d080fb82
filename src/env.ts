import { z } from "zod";

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
  FOREMAN_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** Probot serialises writes 1 s apart (3 s for content) to respect GitHub's secondary limits; off only against a local sandbox. */
  FOREMAN_GITHUB_THROTTLE: z.enum(["on", "off"]).default("on"),
});

export type ForemanEnv = z.infer<typeof Env> & { privateKey: string; llmApiKey: string };

export class EnvError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid environment:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.problems = problems;
    this.name = "EnvError";
  }
}

/** Reads the environment once at start; every problem is reported together. */
export function parseEnv(source: NodeJS.ProcessEnv, readKeyFile: (path: string) => string): ForemanEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const env = parsed.data;
  const privateKey = env.PRIVATE_KEY ?? (env.PRIVATE_KEY_PATH ? readKeyFile(env.PRIVATE_KEY_PATH) : undefined);
  const llmApiKey = env.FOREMAN_LLM_API_KEY ?? env.OPENAI_API_KEY;
  const problems = [
    ...(privateKey ? [] : ["PRIVATE_KEY or PRIVATE_KEY_PATH: one must be set to the App's private key"]),
    ...(llmApiKey ? [] : ["FOREMAN_LLM_API_KEY (or OPENAI_API_KEY): must be set to the model endpoint's key"]),
  ];
  if (problems.length > 0 || !privateKey || !llmApiKey) throw new EnvError(problems);
  return { ...env, privateKey: privateKey.replace(/\\n/g, "\n"), llmApiKey };
}
