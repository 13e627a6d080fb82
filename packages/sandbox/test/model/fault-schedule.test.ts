import { describe, expect, it } from "vitest";
import { createFaultSchedule } from "../../src/model/fault-schedule.ts";
import { ModelFault, type ModelFaultInput } from "../../src/scenario/index.ts";

function schedule(faults: ModelFaultInput[]): (role?: string) => string | null {
  const picker = createFaultSchedule(faults.map((fault) => ModelFault.parse(fault)));
  return (role) => picker.pick({ role: role ?? null })?.id ?? null;
}

describe("createFaultSchedule", () => {
  it("fires an nth fault once, on that request", () => {
    const next = schedule([{ id: "third", kind: "server_error", on: { nth: 3 } }]);

    expect([next(), next(), next(), next()]).toEqual([null, null, "third", null]);
  });

  it("fires from the nth request on, `times` times", () => {
    const next = schedule([{ id: "f", kind: "server_error", on: { nth: 2, times: 2 } }]);

    expect([next(), next(), next(), next()]).toEqual([null, "f", "f", null]);
  });

  it("counts only the requests of the fault's role", () => {
    const next = schedule([{ id: "coder-2", kind: "server_error", on: { role: "coder", nth: 2 } }]);

    expect([next("coder"), next("planner"), next("coder")]).toEqual([null, null, "coder-2"]);
  });

  it("fires a role fault on every request of that role when no times is given", () => {
    const next = schedule([{ id: "p", kind: "server_error", on: { role: "planner" } }]);

    expect([next("planner"), next("coder"), next("planner")]).toEqual(["p", null, "p"]);
  });

  it("fires on every request when no selection is given", () => {
    const next = schedule([{ id: "all", kind: "rate_limit" }]);

    expect([next(), next()]).toEqual(["all", "all"]);
  });

  it("lets the first fault win a request, and the other fire on the next", () => {
    const next = schedule([
      { id: "one", kind: "server_error", on: { nth: 1 } },
      { id: "two", kind: "rate_limit", on: { nth: 1 } },
    ]);

    expect([next(), next(), next()]).toEqual(["one", "two", null]);
  });

  it("draws the same hits for the same seed", () => {
    const fault: ModelFaultInput = { id: "p", kind: "server_error", on: { probability: 0.3, seed: 11 } };
    const first = schedule([fault]);
    const second = schedule([fault]);

    const runs = [Array.from({ length: 40 }, () => first()), Array.from({ length: 40 }, () => second())];

    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]?.filter((hit) => hit === "p").length).toBeGreaterThan(3);
    expect(runs[0]?.filter((hit) => hit === null).length).toBeGreaterThan(15);
  });
});
