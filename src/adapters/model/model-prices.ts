import { parse } from "yaml";
import { z } from "zod";
import { BUILT_IN_PRICES, ModelPrice, type PriceTable } from "../../agents/pricing.ts";

/** The operator's table: model name → `{ input, output }` in US dollars per million tokens. */
const PriceDocument = z.record(z.string().min(1, { error: "a model name must not be empty" }), ModelPrice);

export class PricesConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[], options?: { cause?: unknown }) {
    super(`invalid model prices:\n${problems.map((problem) => `- ${problem}`).join("\n")}`, options);
    this.problems = problems;
    this.name = "PricesConfigError";
  }
}

export interface PriceSources {
  /** `FOREMAN_MODEL_PRICES`: the table as JSON. */
  json?: string | undefined;
  /** `FOREMAN_MODEL_PRICES_FILE`: a YAML (or JSON) file with the table. */
  file?: string | undefined;
}

/** `"gpt-x".input` for an entry's field; the entry's name alone for the entry. */
function entryPath(path: readonly PropertyKey[]): string {
  const [model, ...rest] = path;
  if (model === undefined) return "(the table)";
  return [JSON.stringify(String(model)), ...rest.map(String)].join(".");
}

function read(source: string, text: string): unknown {
  try {
    return parse(text) as unknown;
  } catch (error) {
    throw new PricesConfigError([`${source}: not valid JSON or YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

const EXAMPLE = 'e.g. {"my-model": {"input": 0.5, "output": 1.5}} (US dollars per million tokens)';

/** Checks the operator's table; every bad entry is named, with the variable it came from. */
function checked(source: string, value: unknown): PriceTable {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new PricesConfigError([`${source}: must map each model name to its prices, ${EXAMPLE}`]);
  const parsed = PriceDocument.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new PricesConfigError(parsed.error.issues.map((issue) => `${source}: entry ${entryPath(issue.path)}: ${issue.message}`));
}

/**
 * The prices Foreman counts with: the built-in table, with the operator's entries (`FOREMAN_MODEL_PRICES`,
 * else the file `FOREMAN_MODEL_PRICES_FILE` names) overriding and extending it.
 */
export function loadPrices(sources: PriceSources, readFile: (path: string) => string): PriceTable {
  if (sources.json) return { ...BUILT_IN_PRICES, ...checked("FOREMAN_MODEL_PRICES", read("FOREMAN_MODEL_PRICES", sources.json)) };
  if (!sources.file) return BUILT_IN_PRICES;
  const source = `FOREMAN_MODEL_PRICES_FILE (${sources.file})`;
  return { ...BUILT_IN_PRICES, ...checked(source, read(source, readText(source, sources.file, readFile))) };
}

function readText(source: string, path: string, readFile: (path: string) => string): string {
  try {
    return readFile(path);
  } catch (error) {
    throw new PricesConfigError([`${source}: cannot be read: ${error instanceof Error ? error.message : String(error)}`], { cause: error });
  }
}
