import { parse } from "yaml";
import { z } from "zod";

const ModelName = z.string().min(1);

/** The model to ask for each agent role on one provider; `default` for the roles not named. */
export const ProviderModels = z.strictObject({
  default: ModelName.optional(),
  engineer: ModelName.optional(),
  planner: ModelName.optional(),
  coder: ModelName.optional(),
  debugger: ModelName.optional(),
  reviewer: ModelName.optional(),
});
export type ProviderModels = z.infer<typeof ProviderModels>;

/** What a provider's API can do beyond plain chat; the defaults suit most OpenAI-compatible endpoints. */
export const DEFAULT_CAPABILITIES = { structuredOutput: "json_object", toolCalling: true } as const;

/** One OpenAI-compatible endpoint of the chain; the key is read from the variable `apiKeyEnv` names. */
const ProviderConfig = z.strictObject({
  name: z.string().min(1),
  baseUrl: z.url(),
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "expected the name of an environment variable" }),
  models: ProviderModels.optional(),
  /** How a JSON answer is asked for: a strict JSON schema, JSON mode, or by the prompt only. */
  structuredOutput: z.enum(["json_schema", "json_object", "none"]).default(DEFAULT_CAPABILITIES.structuredOutput),
  /** Whether the API takes `tools` and answers `tool_calls`; without, tools are described in the prompt. */
  toolCalling: z.boolean().default(DEFAULT_CAPABILITIES.toolCalling),
});
type ProviderConfig = z.infer<typeof ProviderConfig>;

const ProviderList = z
  .array(ProviderConfig)
  .min(1, { error: "list at least one provider" })
  .superRefine((providers, context) => {
    const names = providers.map((provider) => provider.name);
    for (const [index, name] of names.entries()) {
      if (names.indexOf(name) !== index)
        context.addIssue({ code: "custom", path: [index, "name"], message: `provider name "${name}" is used twice` });
    }
  });

/** The chain, first to last: a list, or `{ providers: [...] }` (chosen by the value's form, so each problem keeps its own path). */
const ProvidersDocument = z.strictObject({ providers: ProviderList });

export interface ResolvedProvider extends ProviderConfig {
  apiKey: string;
}

export class ProvidersConfigError extends Error {
  readonly problems: string[];
  constructor(source: string, problems: string[]) {
    super(`${source}: invalid model providers:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.problems = problems;
    this.name = "ProvidersConfigError";
  }
}

function parseText(source: string, text: string, format: "json" | "yaml"): unknown {
  try {
    return format === "json" ? (JSON.parse(text) as unknown) : (parse(text) as unknown);
  } catch (error) {
    throw new ProvidersConfigError(source, [
      `not valid ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
}

/** Checks a providers document and reads each provider's key from `env`; every problem is reported together. */
function resolveProviders(source: string, value: unknown, env: NodeJS.ProcessEnv): ResolvedProvider[] {
  const parsed = (Array.isArray(value) ? ProviderList : ProvidersDocument).safeParse(value);
  if (!parsed.success)
    throw new ProvidersConfigError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top)"}: ${issue.message}`),
    );
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.providers;
  const missing = list.filter((provider) => !env[provider.apiKeyEnv]);
  if (missing.length > 0)
    throw new ProvidersConfigError(
      source,
      missing.map((provider) => `${provider.name}: the variable ${provider.apiKeyEnv} is not set`),
    );
  return list.map((provider) => ({ ...provider, apiKey: env[provider.apiKeyEnv] ?? "" }));
}

export interface ProviderSources {
  /** `FOREMAN_PROVIDERS`: the chain as JSON. */
  json?: string | undefined;
  /** `FOREMAN_PROVIDERS_FILE`: a YAML file with the chain. */
  file?: string | undefined;
}

/** The configured chain, or null when neither `FOREMAN_PROVIDERS` nor `FOREMAN_PROVIDERS_FILE` is set. */
export function loadProviders(
  sources: ProviderSources,
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string,
): ResolvedProvider[] | null {
  if (sources.json) return resolveProviders("FOREMAN_PROVIDERS", parseText("FOREMAN_PROVIDERS", sources.json, "json"), env);
  if (sources.file) return resolveProviders(sources.file, parseText(sources.file, readFile(sources.file), "yaml"), env);
  return null;
}
