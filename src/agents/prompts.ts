import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const PROMPTS_DIR = fileURLToPath(new URL("../../prompts/", import.meta.url));

export class PromptTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PromptTemplateError";
  }
}

export async function loadPrompt(name: string, dir = PROMPTS_DIR): Promise<string> {
  return readFile(`${dir}${name}.md`, "utf8");
}

/** Fills `{{name}}` placeholders; a placeholder without a value is an error, never an empty string. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new PromptTemplateError(`prompt placeholder {{${key}}} has no value`);
    return value;
  });
}
