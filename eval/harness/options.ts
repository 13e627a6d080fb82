/** `npm run eval` options and the model endpoint from the environment, checked with clear errors. */
import { parseArgs } from "node:util";
import { z } from "zod";

export class EvalUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalUsageError";
  }
}

export const USAGE = `usage: npm run eval -- [options]
  --agent model|oracle|null   who answers: the endpoint in FOREMAN_LLM_BASE_URL (default), or a scripted reference agent
  --plan auto|single          single: the whole issue as one task and one pull request (default auto)
  --tools on|off              agents read the repository through tools (default on)
  --checks on|off             agents run the repository's tests locally before pushing (default on)
  --instances ID,ID,py-*      instances to run (default: all of the suite)
  --suite DIR                 the instances' folder (default eval/instances)
  --concurrency N             instances at once (default 1)
  --timeout-seconds N         each instance's time limit (default 900)
  --max-tokens N              each issue's token budget (Foreman's limits.tokensPerIssue)
  --max-cost-usd N            each issue's cost budget (Foreman's limits.costPerIssueUsd)
  --run NAME                  the report's name; a run of that name resumes where it stopped
  --out DIR                   where reports go (default eval-results)
  --verbose                   prints each run's timeline as it happens
  --compare A B               compares two reports (names in --out, or paths)
  --import FILE --repos DIR --into DIR [--test-command CMD]
                              converts SWE-bench-format JSON into instances (see docs/eval.md)
environment, with --agent model:
  FOREMAN_LLM_BASE_URL        the OpenAI-compatible endpoint (required)
  FOREMAN_LLM_API_KEY         its key (or OPENAI_API_KEY)
  FOREMAN_DEFAULT_MODEL       the model every role uses unless FOREMAN_EVAL_MODELS names one
  FOREMAN_EVAL_MODELS         JSON of models by role, e.g. {"coder": "model-a", "reviewer": "model-b"}
  FOREMAN_MODEL_PRICES        JSON of USD prices per million tokens, e.g. {"model-a": {"input": 0.5, "output": 1.5}}`;

const OnOff = z.enum(["on", "off"]).transform((value) => value === "on");
const Count = z.coerce.number().int().positive();

const Options = z.object({
  agent: z.enum(["model", "oracle", "null"]),
  plan: z.enum(["auto", "single"]),
  tools: OnOff,
  checks: OnOff,
  instances: z.string().transform((text) =>
    text
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  ),
  suite: z.string().min(1),
  concurrency: Count,
  "timeout-seconds": Count,
  "max-tokens": Count.optional(),
  "max-cost-usd": z.coerce.number().positive().optional(),
  run: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/, "letters, digits, dots, dashes and underscores")
    .optional(),
  out: z.string().min(1),
  verbose: z.boolean(),
});
export type EvalOptions = z.infer<typeof Options>;

export type Command =
  | { kind: "run"; options: EvalOptions }
  | { kind: "compare"; a: string; b: string; out: string }
  | { kind: "import"; file: string; repos: string; into: string; testCommand: string | undefined }
  | { kind: "help" };

const SPEC = {
  agent: { type: "string", default: "model" },
  plan: { type: "string", default: "auto" },
  tools: { type: "string", default: "on" },
  checks: { type: "string", default: "on" },
  instances: { type: "string", default: "" },
  suite: { type: "string", default: "eval/instances" },
  concurrency: { type: "string", default: "1" },
  "timeout-seconds": { type: "string", default: "900" },
  "max-tokens": { type: "string" },
  "max-cost-usd": { type: "string" },
  run: { type: "string" },
  out: { type: "string", default: "eval-results" },
  compare: { type: "boolean", default: false },
  import: { type: "string" },
  repos: { type: "string" },
  into: { type: "string" },
  "test-command": { type: "string" },
  verbose: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

export function parseCommand(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args, options: SPEC, allowPositionals: true, strict: true });
  } catch (error) {
    throw new EvalUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (values.compare) {
    const [a, b] = positionals;
    if (!a || !b || positionals.length !== 2) throw new EvalUsageError("--compare takes two reports: --compare A B");
    return { kind: "compare", a, b, out: values.out };
  }
  if (positionals.length > 0) throw new EvalUsageError(`unexpected argument ${positionals[0] ?? ""}`);
  if (values.import !== undefined) {
    if (!values.repos || !values.into)
      throw new EvalUsageError("--import needs --repos DIR (checkouts of the repositories) and --into DIR (where the instances go)");
    return { kind: "import", file: values.import, repos: values.repos, into: values.into, testCommand: values["test-command"] };
  }
  const options = Options.safeParse(values);
  if (!options.success) throw new EvalUsageError(z.prettifyError(options.error));
  return { kind: "run", options: options.data };
}

export interface Endpoint {
  baseUrl: string;
  apiKey: string;
  model: string | undefined;
  models: Record<string, string>;
}

const Models = z.partialRecord(z.enum(["default", "engineer", "planner", "coder", "debugger", "reviewer"]), z.string().min(1));

/** The real endpoint for `--agent model`; an `EvalUsageError` saying what to set when it is missing or wrong. */
export function endpointFrom(env: NodeJS.ProcessEnv): Endpoint {
  const baseUrl = env.FOREMAN_LLM_BASE_URL;
  if (!baseUrl)
    throw new EvalUsageError(
      "no model endpoint: set FOREMAN_LLM_BASE_URL (an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1), FOREMAN_LLM_API_KEY and FOREMAN_DEFAULT_MODEL; or run a scripted reference agent with --agent oracle or --agent null",
    );
  let models: Record<string, string> = {};
  if (env.FOREMAN_EVAL_MODELS) {
    let raw: unknown;
    try {
      raw = JSON.parse(env.FOREMAN_EVAL_MODELS);
    } catch (error) {
      throw new EvalUsageError(`FOREMAN_EVAL_MODELS is not JSON: ${(error as Error).message}`);
    }
    const parsed = Models.safeParse(raw);
    if (!parsed.success) throw new EvalUsageError(`FOREMAN_EVAL_MODELS: ${z.prettifyError(parsed.error)}`);
    models = Object.fromEntries(Object.entries(parsed.data).filter((entry): entry is [string, string] => entry[1] !== undefined));
  }
  return { baseUrl, apiKey: env.FOREMAN_LLM_API_KEY ?? env.OPENAI_API_KEY ?? "", model: env.FOREMAN_DEFAULT_MODEL, models };
}
