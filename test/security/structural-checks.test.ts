import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/agents/apply-edits.ts";
import { protectedPathProblems, redactPlan } from "../../src/agents/planner.ts";
import { formatFiles } from "../../src/agents/repo-context.ts";
import { RepoConfig } from "../../src/config/index.ts";
import { start } from "../../src/engine/decide-intake.ts";
import type { RepoRef, WorkflowState } from "../../src/engine/types.ts";
import type { Plan } from "../../src/plan/index.ts";
import { LOG_REDACTION } from "../../src/policy/log-redaction.ts";
import { sanitizeSource, sanitizeUntrusted } from "../../src/policy/sanitize.ts";
import { readManifest } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { neutralizePlainText } from "../../src/render/index.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";
import { ciOutcome } from "../../src/worker/ci-outcome.ts";
import { workflowCap } from "../../src/worker/intake/workflow-cap.ts";

const GITHUB_TOKEN = "ghp_0123456789abcdefghijABCDEFGHIJ0123456789";
const OPENAI_KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz012345";

describe("secrets on their way into a prompt", () => {
  it("redacts token shapes in untrusted text", () => {
    expect(sanitizeUntrusted(`Use ${GITHUB_TOKEN} and ${OPENAI_KEY}.`)).toBe("Use [REDACTED:github-token] and [REDACTED:api-key].");
  });

  it("redacts before it truncates, so a cut never leaves part of a key", () => {
    const text = `${"a".repeat(10)} ${GITHUB_TOKEN}`;

    expect(sanitizeUntrusted(text, 30)).not.toContain("ghp_0123");
  });

  it("redacts keys in file contents and keeps the rest verbatim", () => {
    const source = `export const token = "${GITHUB_TOKEN}";\nexport const answer = 42;\n`;

    expect(sanitizeSource(source)).toBe('export const token = "[REDACTED:github-token]";\nexport const answer = 42;\n');
    expect(formatFiles({ "src/config.js": source })).not.toContain(GITHUB_TOKEN);
  });
});

describe("secrets in the model's text", () => {
  it("are redacted from every word of a plan that Foreman publishes", () => {
    const plan: Plan = {
      summary: `Uses ${OPENAI_KEY}`,
      tasks: [
        {
          id: "a",
          title: `Add ${GITHUB_TOKEN}`,
          description: GITHUB_TOKEN,
          files: [],
          dependsOn: [],
          acceptanceCriteria: [GITHUB_TOKEN],
          risk: "low",
        },
      ],
    };

    expect(JSON.stringify(redactPlan(plan))).not.toMatch(/ghp_|sk-proj-/);
  });

  it("are redacted from CI check titles that Foreman repeats", () => {
    const outcome = ciOutcome([
      {
        name: "test",
        appSlug: "github-actions",
        status: "completed",
        conclusion: "failure",
        title: `leaked ${GITHUB_TOKEN}`,
        summary: null,
      },
    ]);

    expect(outcome?.summary).toBe("Failing checks:\n- **test**: failure — leaked [REDACTED:github-token]");
  });
});

describe("model text in commit messages and pull request titles", () => {
  it("mentions no one and closes nothing, inside code spans too", () => {
    const text = neutralizePlainText("Fixes #12, `closes acme/stats#3`; thanks @octocat");

    expect(text).not.toMatch(/\b(?:fixes|closes)\s+(?:acme\/stats)?#\d|(?<![\w])@octocat/i);
    expect(text.replace(/\u200b/g, "")).toBe("Fixes #12, `closes acme/stats#3`; thanks @octocat");
  });
});

describe("what the model may write", () => {
  const policy = { taskFiles: ["assets/logo.png", "src/a.js"], protectedPaths: [], maxChangedLines: 100 };

  it("refuses binary content and says why", () => {
    const outcome = applyEdits([{ path: "assets/logo.png", action: "create", content: "\u0089PNG\r\n\u001a\n\u0000\u0000" }], {}, policy);

    expect(outcome).toEqual({
      ok: false,
      problems: ["`assets/logo.png` would contain a NUL byte: Foreman writes text files only, never binary content"],
    });
  });

  it("sends back a plan whose task names a protected file", () => {
    const plan: Plan = {
      summary: "",
      tasks: [
        {
          id: "ci",
          title: "CI",
          description: "",
          files: [
            { path: ".github/workflows/ci.yml", action: "modify" },
            { path: "src/a.js", action: "modify" },
          ],
          dependsOn: [],
          acceptanceCriteria: ["x"],
          risk: "low",
        },
      ],
    };

    expect(protectedPathProblems(plan, [])).toEqual([
      'Task "ci" names `.github/workflows/ci.yml` is protected (matches `.github/workflows/**`); Foreman never writes it, a human must make that change. Leave it out of the plan.',
    ]);
    expect(protectedPathProblems(plan, ["src/**"])).toHaveLength(2);
  });
});

describe("the workflow cap per installation", () => {
  const ref = (installationId: number, repo = "stats"): RepoRef => ({ installationId, owner: "acme", repo });

  function storeWith(...running: Array<{ ref: RepoRef; issue: number }>): SqliteStore {
    const store = new SqliteStore(":memory:");
    for (const { ref: where, issue } of running) {
      const event = {
        type: "start" as const,
        ref: where,
        issue,
        issueTitle: "t",
        requester: "maya",
        config: RepoConfig.parse({}),
        defaultBranch: "main",
      };
      const state: WorkflowState = start(event, 0).state;
      store.saveWorkflow(state.id, state, 0, true);
    }
    return store;
  }

  it("refuses a new workflow once the installation runs as many as its cap, with the count and the cap", () => {
    const store = storeWith({ ref: ref(1), issue: 1 }, { ref: ref(1, "other"), issue: 2 });

    expect(workflowCap(store, ref(1), 3, 2)).toEqual({ running: 2, cap: 2 });
  });

  it("counts only the installation's own workflows, and never refuses one that is already running", () => {
    const store = storeWith({ ref: ref(1), issue: 1 }, { ref: ref(2), issue: 2 });

    expect(workflowCap(store, ref(1), 3, 2)).toBeNull();
    expect(workflowCap(store, ref(1), 1, 1)).toBeNull();
  });
});

describe("the App's permissions", () => {
  it("leave out `workflows`, so GitHub itself refuses a change to CI, and grant nothing administrative", () => {
    const { permissions } = readManifest(foremanUnderTest.manifestPath);

    expect(Object.keys(permissions).sort()).toEqual(["actions", "checks", "contents", "issues", "metadata", "pull_requests", "statuses"]);
    expect(permissions.statuses).toBe("read");
    expect(permissions).not.toHaveProperty("workflows");
  });
});

describe("the app's log", () => {
  it("writes no private key, secret, key or authorization header", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const log = pino({ level: "info" }, sink).child({}, { redact: LOG_REDACTION }).child({ name: "probot" });

    log.info({ privateKey: "-----BEGIN RSA PRIVATE KEY-----", secret: "hook-secret", providers: [{ apiKey: OPENAI_KEY }] }, "start");
    log.error({ err: { request: { headers: { authorization: `token ${GITHUB_TOKEN}` } } } }, "request failed");

    expect(lines).toHaveLength(2);
    expect(lines.join("")).not.toMatch(/PRIVATE KEY|hook-secret|sk-proj-|ghp_/);
    expect(lines.join("")).toContain("[REDACTED]");
  });
});
