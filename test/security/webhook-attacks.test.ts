import { createHmac, randomUUID } from "node:crypto";
import { DatabaseSync } from "node:sqlite";
import { Webhooks } from "@octokit/webhooks";
import { describe, expect, it } from "vitest";
import { waitQuiet, type Delivery, type World } from "@foreman/sandbox";
import { databaseOf } from "../../demo/foreman-under-test.ts";
import { appComments, explain } from "../e2e/run-case.ts";
import { statusComment } from "../e2e/qa-observe.ts";
import { runAttack } from "./run-attack.ts";

interface Recorded {
  deliveries: string[];
  jobs: number;
  workflows: number;
}

/** What the app has recorded, read from its database without writing to it. */
function recorded(world: World): Recorded {
  const db = new DatabaseSync(databaseOf(world.dataDir), { readOnly: true });
  try {
    const deliveries = (db.prepare("SELECT id FROM deliveries ORDER BY id").all() as Array<{ id: string }>).map((row) => row.id);
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { deliveries, jobs: count("jobs"), workflows: count("workflows") };
  } finally {
    db.close();
  }
}

function findDelivery(world: World, event: string, action: string, login: string): Delivery {
  const found = world.github.webhooks
    .deliveries()
    .find(
      (delivery) =>
        delivery.event === event &&
        delivery.action === action &&
        (delivery.payload.sender as { login?: string } | undefined)?.login === login,
    );
  if (!found) throw new Error(`no ${event}.${action} delivery by ${login}`);
  return found;
}

/** A copy of the reader's refused `/approve`, made to look as if the maintainer had written it. */
function forgedApproval(world: World): string {
  const readerComment = findDelivery(world, "issue_comment", "created", "rita").payload;
  const maintainer = findDelivery(world, "issues", "labeled", "maya").payload.sender;
  const payload = structuredClone(readerComment) as { comment: { body: string; user: unknown; id: number }; sender: unknown };
  payload.comment = { ...payload.comment, id: payload.comment.id + 1000, body: "/approve", user: maintainer };
  payload.sender = maintainer;
  return JSON.stringify(payload);
}

async function post(world: World, body: string, signature: Record<string, string>, id = randomUUID()): Promise<number> {
  const response = await fetch(`${world.appProcess.url}/api/github/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": "issue_comment", "x-github-delivery": id, ...signature },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

const sign = (secret: string, body: string): string => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** The control: the same forged body signed with the real secret is accepted and recorded, so only the signature stopped it. */
async function signedControl(world: World): Promise<{ status: number; recorded: boolean }> {
  const id = randomUUID();
  const status = await post(
    world,
    forgedApproval(world),
    { "x-hub-signature-256": sign(world.app.webhookSecret, forgedApproval(world)) },
    id,
  );
  return { status, recorded: recorded(world).deliveries.includes(id) };
}

interface Attacks {
  readerLabelStatus: number | null;
  forged: { unsigned: number; wronglySigned: number };
  replayed: Array<{ attempts: number; status: number | null }>;
  before: Recorded;
  commentsBefore: string[];
}

async function attack(world: World, attacks: Partial<Attacks>): Promise<void> {
  const target = { owner: world.repo.owner.login, repo: world.repo.name, issue_number: world.issueNumber };
  attacks.readerLabelStatus = await world
    .as("rita")
    .rest.issues.addLabels({ ...target, labels: ["foreman"] })
    .then(
      () => null,
      (error: { status?: number }) => error.status ?? null,
    );
  expect(await waitQuiet(world, 15_000), "quiet after the reader's label").toBe(true);
  attacks.before = recorded(world);
  attacks.commentsBefore = appComments(world, "issue");
  const body = forgedApproval(world);
  const wrong = {
    "x-hub-signature-256": sign("not-the-webhook-secret", body),
    "x-hub-signature": "sha1=0000000000000000000000000000000000000000",
  };
  attacks.forged = { unsigned: await post(world, body, {}), wronglySigned: await post(world, body, wrong) };
  const replays = [findDelivery(world, "issues", "labeled", "maya"), findDelivery(world, "issue_comment", "created", "rita")];
  for (const delivery of replays) await world.github.webhooks.redeliver(delivery.id);
  expect(await waitQuiet(world, 15_000), "quiet after the replayed deliveries").toBe(true);
  attacks.replayed = replays.map((delivery) => ({ attempts: delivery.attempts, status: delivery.responseStatus }));
}

describe("webhook signatures", () => {
  it("checks GitHub's published X-Hub-Signature-256 test vector", async () => {
    const webhooks = new Webhooks({ secret: "It's a Secret to Everybody" });
    const signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    expect(await webhooks.verify("Hello, World!", signature)).toBe(true);
    expect(await webhooks.verify("Hello, World?", signature)).toBe(false);
    expect(await new Webhooks({ secret: "another secret" }).verify("Hello, World!", signature)).toBe(false);
  });
});

describe("labels from the wrong accounts, forged and replayed webhooks", () => {
  it("refuses each label with a comment, records no forged delivery and ignores replays", async () => {
    const attacks: Partial<Attacks> = {};
    const run = await runAttack("webhook-attacks.yml", {
      afterSteps: (world) => attack(world, attacks),
      observe: async (world) => ({
        after: recorded(world),
        comments: appComments(world, "issue"),
        status: statusComment(world),
        control: await signedControl(world),
      }),
    });

    expect(run.failures, explain(run)).toEqual([]);
    const { after, comments, status, control } = run.observed;
    expect(comments.filter((body) => body.startsWith("Foreman did not start"))).toEqual([
      expect.stringContaining("@\u200btess has `triage` permission"),
      expect.stringContaining("@\u200bdeploy-bot[bot] is an app account"),
    ]);
    expect(comments).toContainEqual(expect.stringContaining("Foreman ignored `/approve`: @\u200brita has `read` permission"));
    // GitHub itself does not let a reader label an issue.
    expect(attacks.readerLabelStatus).toBe(403);
    // Forged deliveries are refused before anything is recorded; the forged /approve approved nothing.
    expect(attacks.forged?.unsigned).toBeGreaterThanOrEqual(400);
    expect(attacks.forged?.unsigned).toBeLessThan(500);
    expect(attacks.forged?.wronglySigned).toBeGreaterThanOrEqual(400);
    expect(attacks.forged?.wronglySigned).toBeLessThan(500);
    expect(status).toContain("Waiting for plan approval");
    expect(control).toEqual({ status: 200, recorded: true });
    // Replays are accepted (they are signed) and change nothing: no delivery, job, workflow or comment.
    expect(attacks.replayed).toEqual([
      { attempts: 2, status: 200 },
      { attempts: 2, status: 200 },
    ]);
    expect(after).toEqual(attacks.before);
    expect(comments).toEqual(attacks.commentsBefore);
  });
});
