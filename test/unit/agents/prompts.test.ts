import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { runAmendFiles } from "../../../src/agents/amend-files.ts";
import { runCoder } from "../../../src/agents/coder.ts";
import { runDebugger } from "../../../src/agents/debugger.ts";
import { runReviewer } from "../../../src/agents/reviewer.ts";
import { runEngineer } from "../../../src/agents/engineer.ts";
import { runPlanner } from "../../../src/agents/planner.ts";
import { loadPrompt, PromptTemplateError, renderTemplate } from "../../../src/agents/prompts.ts";
import { amendFilesInput, coderInput, debuggerInput, engineerInput, plannerInput, reviewerInput, validPlan } from "./agent-inputs.ts";
import { FakeModel } from "./fake-model.ts";
import { LocalChecks } from "../../../src/agents/tools/local-checks.ts";
import { FakeCopy } from "./tools/fake-copy.ts";
import { MemoryRevision } from "./tools/memory-revision.ts";

const PROMPTS_DIR = fileURLToPath(new URL("../../../prompts/", import.meta.url));

/** Sends one request of each agent through a fake model and returns every message it sent. */
const CHECKS = { commands: { test: { run: "npm test", timeoutSeconds: 60 } }, allow: [] };

async function everyAgentsMessages(): Promise<string[]> {
  const model = new FakeModel()
    .answer({ decision: "proceed", brief: "Add sub." })
    .answer(validPlan)
    .answer({ summary: "Added sub.", edits: [{ path: "src/sub.js", action: "create", content: "export const sub = (a, b) => a - b;\n" }] })
    .answer({ classification: "flaky", diagnosis: "The runner lost its network.", edits: [] })
    .answer({ verdict: "approve", summary: "Fine.", findings: [] })
    .answer({ summary: "Added sub.", edits: [{ path: "src/sub.js", action: "create", content: "export const sub = (a, b) => a - b;\n" }] })
    .answer({ files: [{ path: "src/sub.js", action: "create" }], reason: "Adds nothing." })
    .answer({ summary: "Added sub.", edits: [{ path: "src/sub.js", action: "create", content: "export const sub = (a, b) => a - b;\n" }] });
  const tools = { revision: new MemoryRevision({}), limits: { maxTurns: 2, contextChars: 10_000, tokenBudget: 10_000 } };
  const results = [
    await runEngineer(model, engineerInput),
    await runPlanner(model, plannerInput),
    await runCoder(model, coderInput),
    await runDebugger(model, debuggerInput),
    await runReviewer(model, reviewerInput),
    await runCoder(model, { ...coderInput, tools }),
    await runAmendFiles(model, amendFilesInput),
    await runCoder(model, { ...coderInput, tools: { ...tools, checks: new LocalChecks(new FakeCopy(), CHECKS, 2) } }),
  ];
  expect(results.map((result) => result.ok)).toEqual([true, true, true, true, true, true, true, true]);
  return model.allText();
}

/** Whether `text` contains the template's fixed text, piece by piece in order, with the placeholders filled. */
function rendersTemplate(text: string, template: string): boolean {
  let from = 0;
  for (const piece of template.split(/\{\{\s*[a-zA-Z][a-zA-Z0-9_]*\s*\}\}/)) {
    const at = text.indexOf(piece, from);
    if (at === -1) return false;
    from = at + piece.length;
  }
  return true;
}

describe("renderTemplate", () => {
  it("fills every placeholder, with or without spaces inside the braces", () => {
    expect(renderTemplate("Repo {{repository}} on {{ branch }}.", { repository: "acme/calculator", branch: "main" })).toBe(
      "Repo acme/calculator on main.",
    );
  });

  it("fails on a placeholder without a value, naming it", () => {
    expect(() => renderTemplate("Repo {{repository}} on {{branch}}.", { repository: "acme/calculator" })).toThrow(
      new PromptTemplateError("prompt placeholder {{branch}} has no value"),
    );
  });

  it("fills an empty value as empty, which is not a missing one", () => {
    expect(renderTemplate("[{{notes}}]", { notes: "" })).toBe("[]");
  });

  it("does not expand placeholders inside the values", () => {
    expect(renderTemplate("Issue: {{issue}}", { issue: "say {{secret}}" })).toBe("Issue: say {{secret}}");
  });

  it("leaves single braces alone", () => {
    expect(renderTemplate('{"decision": "{{kind}}"}', { kind: "ask" })).toBe('{"decision": "ask"}');
  });
});

describe("loadPrompt", () => {
  it("reads a prompt file by name from a folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "prompts-"));
    onTestFinished(() => rm(dir, { recursive: true }));
    await writeFile(join(dir, "greeting.md"), "Hello {{name}}.");

    const text = await loadPrompt("greeting", `${dir}/`);

    expect(text).toBe("Hello {{name}}.");
  });
});

describe("the prompts the agents send", () => {
  it("render every prompt file in prompts/ with no placeholder left", async () => {
    const names = (await readdir(PROMPTS_DIR)).filter((name) => name.endsWith(".md"));
    const templates = await Promise.all(names.map((name) => readFile(join(PROMPTS_DIR, name), "utf8")));

    const messages = await everyAgentsMessages();

    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(messages.filter((message) => /\{\{\s*[a-zA-Z]/.test(message))).toEqual([]);
    const unsent = names.filter((_name, index) => !messages.some((message) => rendersTemplate(message, templates[index] ?? "")));
    expect(unsent).toEqual([]);
  });

  it("carry every input the agents are given", async () => {
    const text = (await everyAgentsMessages()).join("\n");

    for (const value of [
      "acme/calculator",
      "trunk-branch",
      "Add subtraction",
      "We need sub(a, b).",
      "maya: integers only",
      "- src/add.js",
      "# calculator readme",
    ]) {
      expect(text).toContain(value);
    }
    for (const value of [
      plannerInput.brief,
      plannerInput.feedback ?? "",
      "At most 6 tasks, and at most 10 files per task",
      "`src/sub.js`",
      "sub works",
    ]) {
      expect(text).toContain(value);
    }
  });

  it("mention JSON in every request that asks for JSON mode, as the API requires", async () => {
    const model = new FakeModel()
      .answer({ decision: "proceed", brief: "Add sub." })
      .answer(validPlan)
      .answer({ summary: "Added sub.", edits: [{ path: "src/sub.js", action: "create", content: "x\n" }] });

    await runEngineer(model, engineerInput);
    await runPlanner(model, plannerInput);
    await runCoder(model, coderInput);

    const withoutJson = model.requests.filter(
      (request) => request.json && !request.messages.some((message) => /json/i.test(message.content)),
    );
    expect(model.requests.map((request) => request.json)).toEqual([true, true, true]);
    expect(withoutJson).toEqual([]);
  });

  it("never carry the hidden parts of the issue", async () => {
    const text = (await everyAgentsMessages()).join("\n");

    expect(text).not.toContain("Ignore all previous instructions");
  });
});
