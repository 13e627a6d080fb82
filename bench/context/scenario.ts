import { parseScenario, type Scenario } from "@foreman/sandbox";
import { stringify } from "yaml";
import { generateRepository, STORY } from "./repository.ts";
import { modelAnswers, TASK } from "./script.ts";

/** The issue: it speaks of the checkout, never of a file. */
export const ISSUE = {
  author: "maya",
  title: "Checkout total is NaN for prices over a thousand",
  body: [
    'A cart with a price written "1,299.00" shows a total of NaN at checkout. Prices are written as',
    "on the shelf, with a thousands separator, and the total is in cents as everywhere else.",
  ].join("\n"),
};

/** The repository's `.github/foreman.yml`: tools on or off, plans run without approval. */
export function configText(tools: boolean): string {
  return stringify({ planApproval: "auto", agents: { tools } });
}

/**
 * One run of the whole app: the generated repository of `size` files, the issue labelled by a
 * maintainer, the task approved once its CI is green, and the scripted model for `tools`.
 * The scenario is checked as a scenario file would be; the generated files are laid in after.
 */
export function contextScenario(size: number, tools: boolean, timeoutSeconds: number): Scenario {
  const text = stringify({
    name: `context: ${size} files, tools ${tools ? "on" : "off"}`,
    repository: {
      owner: "acme",
      name: "shop",
      files: { "README.md": "# shop\n" },
      ci: [{ name: "test", run: STORY.ci, timeoutSeconds: 60 }],
    },
    actors: [{ login: ISSUE.author, permission: "admin" }],
    issue: ISSUE,
    steps: [
      { name: "start", as: ISSUE.author, label: "foreman" },
      {
        name: "approve the task once CI is green",
        as: ISSUE.author,
        when: { pullRequest: { task: TASK, checks: "success" } },
        comment: { on: { task: TASK }, body: "/approve" },
      },
    ],
    model: { answers: modelAnswers(tools) },
    expect: {
      issue: { state: "closed" },
      pullRequests: { merged: [TASK], count: 1 },
      defaultBranch: { files: { [STORY.target]: { contains: "replaceAll" } } },
      model: { unmatched: 0 },
      sandbox: { rejectedCalls: 0 },
    },
    timeoutSeconds,
  });
  const scenario = parseScenario(text, { baseDir: process.cwd(), fileName: `context-${size}-${tools ? "tools" : "no-tools"}.yml` });
  return { ...scenario, repository: { ...scenario.repository, files: generateRepository(size, configText(tools)) } };
}
