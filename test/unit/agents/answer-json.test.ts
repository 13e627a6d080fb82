import { describe, expect, it } from "vitest";
import { readJsonAnswer } from "../../../src/agents/answer-json.ts";

const plan = { summary: "Add sub", tasks: [{ id: "add-sub", dependsOn: [] }] };
const planText = JSON.stringify(plan, null, 2);

describe("readJsonAnswer", () => {
  it("reads a bare JSON object as it is", () => {
    expect(readJsonAnswer(planText)).toEqual({ ok: true, json: plan });
  });

  it("finds the object between prose before and after", () => {
    const content = `Here is the plan you asked for:\n${planText}\nLet me know if you want changes.`;

    expect(readJsonAnswer(content)).toEqual({ ok: true, json: plan });
  });

  it("takes the object in a ```json fence over braces in the prose around it", () => {
    const content = [
      'I used the {task} placeholder style, and {"draft": true} was my first try.',
      "```json",
      planText,
      "```",
      "The {id} of each task is short.",
    ].join("\n");

    expect(readJsonAnswer(content)).toEqual({ ok: true, json: plan });
  });

  it("reads a fence whose strings hold fences and braces of their own", () => {
    const answer = { summary: "docs", edits: [{ path: "README.md", action: "create", content: "```ts\nconst a = { b: '}' };\n```\n" }] };
    const content = `Sure.\n\n\`\`\`json\n${JSON.stringify(answer, null, 2)}\n\`\`\`\n`;

    expect(readJsonAnswer(content)).toEqual({ ok: true, json: answer });
  });

  it("reads a plain ``` fence without a language", () => {
    expect(readJsonAnswer(`\`\`\`\n${planText}\n\`\`\``)).toEqual({ ok: true, json: plan });
  });

  it("repairs trailing commas", () => {
    const content = '```json\n{"summary": "Add sub", "tasks": [{"id": "add-sub", "dependsOn": [],},],}\n```';

    expect(readJsonAnswer(content)).toEqual({ ok: true, json: plan });
  });

  it("repairs single quotes, unquoted keys, comments and Python literals", () => {
    const content =
      "Answer:\n{summary: 'Add sub', // the brief\n 'tasks': [{'id': 'add-sub', 'dependsOn': []}], 'draft': False, 'owner': None}";

    expect(readJsonAnswer(content)).toEqual({ ok: true, json: { ...plan, draft: false, owner: null } });
  });

  it("prefers a valid object anywhere to repairing a broken one", () => {
    const content = "First try: {'summary': 'old'}\nFixed:\n" + planText;

    expect(readJsonAnswer(content)).toEqual({ ok: true, json: plan });
  });

  it("repairs the answer's object rather than take a valid object nested in it", () => {
    const content = 'Reading it:\n{"tool": "read_file", "arguments": {"path": "src/a.ts"},}';

    expect(readJsonAnswer(content)).toEqual({ ok: true, json: { tool: "read_file", arguments: { path: "src/a.ts" } } });
  });

  it("never completes an object that the text cut off: its end would be invented", () => {
    const read = readJsonAnswer(`Here you go:\n\`\`\`json\n${planText.slice(0, 40)}`);

    expect(read.ok ? "" : read.problem).toMatch(/^the answer is not valid JSON \(.+\)$/);
  });

  it("reads a complete object whatever follows it, even an object cut off", () => {
    expect(readJsonAnswer(`${planText}\n\nAnd a second try: {"summary": "Add`)).toEqual({ ok: true, json: plan });
  });

  it("says when the answer holds no object at all", () => {
    expect(readJsonAnswer("I cannot plan this issue.")).toEqual({
      ok: false,
      problem: "the answer is not valid JSON (it holds no JSON object)",
    });
  });

  it("does not take an array or a string for the answer's object", () => {
    expect(readJsonAnswer('["add-sub"]')).toEqual({ ok: false, problem: "the answer is not valid JSON (it holds no JSON object)" });
    expect(readJsonAnswer('"{not an object}"')).toMatchObject({ ok: false });
  });
});
