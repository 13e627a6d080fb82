import { describe, expect, it } from "vitest";
import { generateSchedule } from "../../src/explore/generate.ts";
import type { ExplorePlan } from "../../src/explore/schedule.ts";
import { scheduleScenario } from "../../src/explore/to-scenario.ts";

const plan: ExplorePlan = {
  name: "pair",
  issue: { title: "Add a and b", body: "" },
  tasks: [
    { id: "a", dependsOn: [], creates: { "src/a.js": "export const a = 1;\n" } },
    { id: "b", dependsOn: ["a"], creates: { "src/b.js": "export const b = 2;\n" } },
  ],
  answers: [{ role: "coder", repeat: true, content: { summary: "x", edits: [] } }],
};
const files = { "README.md": "# stats\n\nSmall statistics helpers.\n", "src/sum.js": "export const sum = 0;\n", "test/sum.test.js": "" };
const options = { plans: [plan], files, label: "foreman" };
const setup = {
  repository: { owner: "acme", name: "stats", files, ci: [{ name: "test", run: "true", timeoutSeconds: 30 }] },
  plans: [plan],
  label: "foreman",
};

describe("schedules from seeds", () => {
  it("makes the same schedule from the same seed, and others from others", () => {
    expect(generateSchedule(42, options)).toEqual(generateSchedule(42, options));
    const distinct = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify(generateSchedule(seed, options).items)));
    expect(distinct.size).toBeGreaterThan(15);
  });

  it("turns every schedule into a scenario the driver accepts, its human steps optional", () => {
    for (let seed = 0; seed < 60; seed += 1) {
      const scenario = scheduleScenario(generateSchedule(seed, options), setup);
      expect(scenario.steps[0]?.label).toBe("foreman");
      expect(scenario.steps.slice(1).every((step) => step.optional === true || step.wait !== undefined)).toBe(true);
    }
  });

  it("gives faults schedules the approvals alone on the default configuration, so one baseline serves a plan", () => {
    const faults = Array.from({ length: 40 }, (_, seed) => generateSchedule(seed, options)).filter(
      (schedule) => schedule.kind === "faults",
    );
    expect(faults.length).toBeGreaterThan(0);
    for (const schedule of faults) {
      expect(schedule.config).toEqual({ planApproval: "auto", review: true, mergeQueue: false, coderDelayMs: 200 });
      expect(schedule.items.filter((item) => item.kind === "steps").map((item) => item.what)).toEqual([
        "maya comments /approve on a (when green)",
        "maya comments /approve on b (when green)",
      ]);
    }
  });
});
