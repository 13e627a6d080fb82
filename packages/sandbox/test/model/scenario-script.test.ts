import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.ts";
import { ask, startForTest } from "./model-server-harness.ts";

const fixtures = join(import.meta.dirname, "..", "scenario", "fixtures");

describe("model server with a scenario's model section", () => {
  it("serves the answers a loaded scenario scripts", async () => {
    const scenario = await loadScenario(join(fixtures, "three-task-feature.yml"));
    const { server, client } = await startForTest({ script: scenario.model });

    const brief = await ask(client, { role: "engineer" });
    const plan = await ask(client, { role: "planner" });
    const code = await ask(client, { role: "coder", prompt: "### multiply: Add multiply" });

    expect(JSON.parse(brief.choices[0]?.message.content ?? "")).toMatchObject({ decision: "proceed" });
    expect(plan.usage).toEqual({ prompt_tokens: 900, completion_tokens: 300, total_tokens: 1200 });
    expect(code.choices[0]?.message.content).toContain("export function multiply");
    expect(server.unmatched()).toEqual([]);
  });
});
