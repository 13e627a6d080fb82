import { describe, expect, it } from "vitest";
import { filterWorkflows, parseListFilter, renderList } from "../../../src/cli/list.ts";
import { UsageError } from "../../../src/cli/command.ts";
import { NOW, summary } from "./cli-fixtures.ts";

describe("foreman list", () => {
  it("reads --repo (any case), --phase and --open", () => {
    const filter = parseListFilter(["--repo", "Acme/Stats", "--phase", "executing", "--open"]);

    expect(filter).toEqual({ repo: "acme/stats", phase: "executing", openOnly: true });
  });

  it("refuses a phase it does not know, naming the phases there are", () => {
    expect(() => parseListFilter(["--phase", "running"])).toThrow(UsageError);
    expect(() => parseListFilter(["--phase", "running"])).toThrow(/one of clarifying, planning, awaiting_approval, executing/);
    expect(() => parseListFilter(["--repo", "stats"])).toThrow(/--repo expects owner\/repo/);
  });

  it("keeps the workflows of the repository, phase and openness asked for", () => {
    const workflows = [
      summary(),
      summary({ id: "acme/calculator#8", phase: "completed", open: false }),
      summary({ id: "acme/stats#1", repo: "acme/stats" }),
    ];

    const kept = filterWorkflows(workflows, { repo: "acme/calculator", phase: null, openOnly: true });

    expect(kept.map((workflow) => workflow.id)).toEqual(["acme/calculator#7"]);
  });

  it("prints one row per workflow: repo#issue, phase, tasks merged of all, cost and last activity", () => {
    const workflows = [
      summary(),
      summary({ id: "acme/stats#1", phase: null, problem: "unreadable state", lastActivity: NOW - 3 * 3_600_000 }),
    ];

    const text = renderList(workflows, NOW);

    expect(text).toMatchInlineSnapshot(`
      "WORKFLOW           PHASE       TASKS  COST   LAST ACTIVITY  TITLE
      acme/calculator#7  executing   1/2    $0.75  5s ago         Add subtraction
      acme/stats#1       unreadable  1/2    $0.75  3h ago         unreadable state"
    `);
  });

  it("cuts each line to the terminal's width, and says so when nothing matches", () => {
    expect(
      renderList([summary()], NOW, 30)
        .split("\n")
        .every((line) => line.length <= 30),
    ).toBe(true);
    expect(renderList([], NOW)).toBe("No workflows match.");
  });
});
