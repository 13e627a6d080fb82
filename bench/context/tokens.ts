import { countTokens } from "gpt-tokenizer/encoding/o200k_base";

/** How prompt sizes are counted: the o200k_base encoding of OpenAI's current models, through gpt-tokenizer. */
export const TOKENIZER = { library: "gpt-tokenizer", encoding: "o200k_base" } as const;

/** The tokens of a text; text that looks like a special token is counted as plain text, as a prompt's is. */
export function tokensOf(text: string): number {
  return countTokens(text, { disallowedSpecial: new Set() });
}
