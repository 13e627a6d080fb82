import type { Usage } from "../../engine/types.ts";
import { addUsage, NO_USAGE } from "../../engine/usage.ts";
import type { AgentRole, ChatMessage, ModelPort, ModelResponse, ToolCall, ToolSpec } from "../../ports/model.ts";
import { redactText } from "../../policy/sanitize.ts";
import type { AnswerProblems } from "../../render/index.ts";
import { answerSchemaFor } from "../answer-schema.ts";
import { usageOf } from "../pricing.ts";
import type { AskedResult } from "../structured.ts";
import { repairMessage } from "../structured.ts";
import { readAnswer, type AnswerRules } from "./answer.ts";
import { runCall } from "./call.ts";
import { shortenOldResults } from "./context-budget.ts";
import type { Tool } from "./tool.ts";

/** The tool that hands in the final answer, for models that prefer a call to plain JSON content. */
const FINISH = "finish";
/** Calls of one turn that are run; more are answered with an error. */
const MAX_CALLS_PER_TURN = 8;
/** Answers that could not be used, after which the agent fails: one repair round, as without tools. */
const MAX_ROUNDS = 2;

export interface ToolLoopLimits {
  /** Turns that may call tools; after them the agent must answer. */
  maxTurns: number;
  /** Past this size (characters), older tool results are shortened. */
  contextChars: number;
  /** Tokens the issue may still spend: once the conversation used them, the agent must answer. */
  tokenBudget: number;
}

export interface ToolLoopRequest<T> extends AnswerRules<T> {
  /**
   * Runs on an answer that passed its checks, before it is accepted: null accepts it; a text sends
   * the agent back to work with it (not a repair round: the caller bounds how often it says no).
   */
  verify?: (value: T) => Promise<string | null>;
  role: AgentRole;
  model: string;
  system: string;
  user: string;
  tools: readonly Tool[];
  limits: ToolLoopLimits;
}

type Step<T> = { done: AskedResult<T> } | { done?: undefined };

/** One agent's conversation: tool turns until it answers, an answer's repair round, and the bounds on both. */
class ToolConversation<T> {
  private readonly request: ToolLoopRequest<T>;
  private readonly tools: ReadonlyMap<string, Tool>;
  readonly messages: ChatMessage[];
  private usage: Usage = NO_USAGE;
  private readonly rounds: AnswerProblems[] = [];
  private turns = 0;
  private calls = 0;
  private overdue = false;

  constructor(request: ToolLoopRequest<T>) {
    this.request = request;
    this.tools = new Map(request.tools.map((tool) => [tool.spec.name, tool]));
    this.messages = [
      { role: "system", content: request.system },
      { role: "user", content: request.user },
    ];
  }

  count(response: ModelResponse): void {
    this.usage = addUsage(this.usage, usageOf(response, this.request.model));
  }

  async answered(response: ModelResponse): Promise<Step<T>> {
    const outcome = await readAnswer(response.content, response.finishReason, this.request);
    this.messages.push({ role: "assistant", content: response.content });
    if ("value" in outcome) return this.verified(outcome.value, (text) => this.messages.push({ role: "user", content: text }));
    return this.refused(outcome, (text) => this.messages.push({ role: "user", content: text }));
  }

  async called(response: ModelResponse): Promise<Step<T>> {
    const calls = response.toolCalls;
    this.messages.push({ role: "assistant", content: response.content, toolCalls: calls });
    const finish = calls.find((call) => call.name === FINISH);
    if (finish) return this.finished(finish, calls, response.finishReason);
    const stop = this.stopReason();
    if (stop !== null) {
      if (this.overdue) return this.refused({ kind: "no_answer", problems: [stop] }, () => undefined, true);
      this.overdue = true;
      for (const call of calls) this.reply(call, `Error: no more tool calls: ${stop}. Answer now with the JSON object.`);
      return {};
    }
    this.turns += 1;
    for (const [index, call] of calls.entries()) {
      if (index >= MAX_CALLS_PER_TURN) {
        this.reply(call, `Error: not run: at most ${MAX_CALLS_PER_TURN} tool calls are run per turn.`);
        continue;
      }
      this.calls += 1;
      this.reply(call, await runCall(this.tools, call));
    }
    return {};
  }

  private async finished(finish: ToolCall, calls: readonly ToolCall[], finishReason: string): Promise<Step<T>> {
    const outcome = await readAnswer(finish.arguments, finishReason, this.request);
    for (const call of calls) if (call !== finish) this.reply(call, `Error: not run: ${FINISH} was called in the same turn.`);
    if ("value" in outcome) return this.verified(outcome.value, (text) => this.reply(finish, text));
    return this.refused(outcome, (text) => this.reply(finish, text));
  }

  /** Why the agent may call no more tools, or null while it may. */
  private stopReason(): string | null {
    const { maxTurns, tokenBudget } = this.request.limits;
    if (this.turns >= maxTurns)
      return `the ${this.request.role} has used all its ${maxTurns} turns (\`agents.${this.request.role}.maxTurns\`)`;
    if (this.usage.promptTokens + this.usage.completionTokens >= tokenBudget)
      return "the issue has spent its token budget (`limits.tokensPerIssue`)";
    return null;
  }

  private reply(call: ToolCall, content: string): void {
    this.messages.push({ role: "tool", toolCallId: call.id, content });
  }

  /** An answer that could not be used: one more round with its problems, unless this was the last. */
  private refused(outcome: AnswerProblems, tell: (text: string) => void, last = false): Step<T> {
    // The problems are posted when the work stops, and may quote the model's answer.
    this.rounds.push({ kind: outcome.kind, problems: outcome.problems.map(redactText) });
    if (last || this.rounds.length >= MAX_ROUNDS) {
      return {
        done: { ok: false, problems: [...(this.rounds.at(-1)?.problems ?? [])], rounds: [...this.rounds], usage: this.finalUsage() },
      };
    }
    tell(repairMessage(outcome, true));
    return {};
  }

  /** A usable answer: accepted unless `verify` sends the agent back to work (its turns start again). */
  private async verified(value: T, tell: (text: string) => void): Promise<Step<T>> {
    const feedback = this.request.verify ? await this.request.verify(value) : null;
    if (feedback === null) return this.success(value);
    tell(feedback);
    this.turns = 0;
    this.overdue = false;
    return {};
  }

  private success(value: T): Step<T> {
    return { done: { ok: true, value, usage: this.finalUsage() } };
  }

  private finalUsage(): Usage {
    return this.calls > 0 ? { ...this.usage, toolCalls: this.calls } : this.usage;
  }

  specs(): ToolSpec[] {
    const answer = answerSchemaFor(this.request.role, this.request.schema);
    const finish: ToolSpec = {
      name: FINISH,
      description: "Hand in your final answer (the same JSON object you would otherwise answer with) when you are done.",
      parameters: answer?.schema ?? { type: "object" },
    };
    return [...this.request.tools.map((tool) => tool.spec), finish];
  }
}

/**
 * Asks an agent for its JSON answer with tools: each turn, the model may call tools (their results
 * come back capped, sanitised and fenced) or answer. The answer is read and checked as
 * `askStructured` does, with one repair round; the turns, the token budget and the
 * conversation's size are bounded.
 */
export async function askWithTools<T>(model: ModelPort, request: ToolLoopRequest<T>): Promise<AskedResult<T>> {
  const conversation = new ToolConversation(request);
  const tools = conversation.specs();
  const schema = answerSchemaFor(request.role, request.schema);
  for (;;) {
    shortenOldResults(conversation.messages, request.limits.contextChars);
    const response = await model.complete({
      role: request.role,
      model: request.model,
      messages: [...conversation.messages],
      json: true,
      schema,
      tools,
    });
    conversation.count(response);
    const step = response.toolCalls.length > 0 ? await conversation.called(response) : await conversation.answered(response);
    if (step.done) return step.done;
  }
}
