import type { AnswerMatch, ScriptedAnswer } from "../scenario/model-script.ts";
import type { Needles, ToolResultMatch } from "../scenario/tool-script.ts";
import type { Conversation, ToolOffer, ToolResultText } from "./conversation.ts";

/** What a request offers for matching. */
export type MatchInput = {
  role: string | null;
  model: string;
  /** Every message's text, tool results included. */
  texts: readonly string[];
  conversation: Conversation;
  offer: ToolOffer;
};

/** An answer's match with its regular expressions compiled once. */
export type CompiledMatch = { match: AnswerMatch | undefined; prompt?: RegExp; toolResult?: RegExp; anyToolResult?: RegExp };

export function compileMatch(match: AnswerMatch | undefined): CompiledMatch {
  const compiled: CompiledMatch = { match };
  if (match?.regex !== undefined) compiled.prompt = new RegExp(match.regex);
  if (match?.toolResult?.regex !== undefined) compiled.toolResult = new RegExp(match.toolResult.regex);
  if (match?.anyToolResult?.regex !== undefined) compiled.anyToolResult = new RegExp(match.anyToolResult.regex);
  return compiled;
}

/** Whether the answer's role and match fit the request (not yet whether the request lets it call its tools). */
export function matchFits(answer: ScriptedAnswer, compiled: CompiledMatch, input: MatchInput): boolean {
  const { match } = compiled;
  const role = answer.role ?? match?.role;
  if (role !== undefined && role !== input.role) return false;
  if (match?.model !== undefined && match.model !== input.model) return false;
  if (!textsFit(input.texts, match?.contains, compiled.prompt)) return false;
  if (match?.turn !== undefined && match.turn !== input.conversation.turn) return false;
  const { latestResults, allResults } = input.conversation;
  return (
    resultsFit(latestResults, match?.toolResult, compiled.toolResult) &&
    resultsFit(allResults, match?.anyToolResult, compiled.anyToolResult)
  );
}

function textsFit(texts: readonly string[], contains: Needles | undefined, regex: RegExp | undefined): boolean {
  const needles = contains === undefined ? [] : typeof contains === "string" ? [contains] : contains;
  if (!needles.every((needle) => texts.some((text) => text.includes(needle)))) return false;
  return regex === undefined || texts.some((text) => regex.test(text));
}

/** With a tool-result match, some result (of the named tool) must exist and the texts must fit. */
function resultsFit(results: readonly ToolResultText[], match: ToolResultMatch | undefined, regex: RegExp | undefined): boolean {
  if (match === undefined) return true;
  const counted = results.filter((result) => match.tool === undefined || result.tool === match.tool);
  return (
    counted.length > 0 &&
    textsFit(
      counted.map((result) => result.text),
      match.contains,
      regex,
    )
  );
}
