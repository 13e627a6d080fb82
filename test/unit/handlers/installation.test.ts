import { describe, expect, it } from "vitest";
import type { InstallationCreatedEvent, InstallationDeletedEvent } from "@octokit/webhooks-types";
import type { IntakeSink } from "../../../src/handlers/intake-sink.ts";
import { example } from "./examples.ts";
import { deliver, deliverTo } from "./receive.ts";

const deleted = (): InstallationDeletedEvent =>
  example("installation", (candidate): candidate is InstallationDeletedEvent => candidate.action === "deleted");

describe("installation", () => {
  it("hands an uninstall to the sink's installationRemoved, so that installation's workflows are closed", async () => {
    const { id, accepted, removed } = await deliver("installation", deleted());

    expect(removed).toEqual([{ deliveryId: id, installationId: 2, action: "deleted" }]);
    expect(accepted).toEqual([]);
  });

  it("records nothing for a new installation", async () => {
    const created = example("installation", (candidate): candidate is InstallationCreatedEvent => candidate.action === "created");

    const { accepted, removed } = await deliver("installation", created);

    expect({ accepted, removed }).toEqual({ accepted: [], removed: [] });
  });

  it("takes an uninstall without failing when the sink cannot close workflows, and records nothing", async () => {
    const accepted: unknown[] = [];
    const intakeOnly: IntakeSink = { accept: (input) => accepted.push(input) > 0 };

    await deliverTo(intakeOnly, "installation", deleted());

    expect(accepted).toEqual([]);
  });
});
