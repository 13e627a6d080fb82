import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installationToken } from "./installation-token.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";
import { HostChecks } from "../../../src/adapters/checks/host-checks.ts";
import type { ChecksSettings } from "../../../src/adapters/checks/settings.ts";
import { GitWorkspaces } from "../../../src/adapters/workspace/git-workspaces.ts";
import type { WorkspaceRepo } from "../../../src/ports/workspace.ts";

const AUTHOR = { name: "Ada", email: "ada@example.com", date: "2024-03-01T10:00:00Z" };

/** A repository on the sandbox GitHub, a real workspace on it, and local checks over that workspace, in a temp folder. */
export interface ChecksFixture {
  h: Harness;
  root: string;
  repo: WorkspaceRepo;
  /** The head of main when the fixture started. */
  head: string;
  token: () => Promise<string>;
  workspace: GitWorkspaces;
  /** Local checks over the workspace with these settings (and the test process's environment, as Foreman's), initialised. */
  checks(settings?: Partial<ChecksSettings>, environment?: NodeJS.ProcessEnv): Promise<HostChecks>;
  /** A commit on main over its head with these files changed (null: deleted). */
  commit(files: Record<string, string | null>): Promise<string>;
  stop(): Promise<void>;
}

export async function startChecksFixture(files: Record<string, string>): Promise<ChecksFixture> {
  const h = await startHarness({ files, private: true });
  const root = await mkdtemp(join(tmpdir(), "checks-test-"));
  const token = await installationToken(h);
  const workspace = new GitWorkspaces({ dir: join(root, "cache"), maxBytes: 1024 ** 3, apiBaseUrl: h.sandbox.url });
  const made: HostChecks[] = [];
  return {
    h,
    root,
    repo: { owner: "acme", repo: "calculator", installationId: h.installation.id },
    head: (await h.repo.git.resolve("main")) ?? "",
    token: () => Promise.resolve(token),
    workspace,
    async checks(settings = {}, environment = process.env) {
      const checks = new HostChecks({
        settings: {
          mode: "sandbox",
          dir: join(root, "checks"),
          toolchains: [],
          passEnv: [],
          setupNetwork: { kind: "none" },
          memoryMb: 1024,
          processes: 64,
          outputKb: 64,
          ...settings,
        },
        workspace,
        environment,
      });
      await checks.init();
      made.push(checks);
      return checks;
    },
    async commit(changes) {
      const parentSha = (await h.repo.git.resolve("main")) ?? "";
      const parent = await h.repo.git.getCommit(parentSha);
      const entries = Object.entries(changes).map(([path, content]) =>
        content === null
          ? { path, mode: "100644" as const, type: "blob" as const, sha: null }
          : { path, mode: "100644" as const, type: "blob" as const, content },
      );
      const tree = await h.repo.git.createTree(entries, parent.tree);
      const sha = await h.repo.git.createCommit({ message: "change", tree, parents: [parentSha], author: AUTHOR });
      await h.repo.git.updateRef("refs/heads/main", sha);
      return sha;
    },
    async stop() {
      await h.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
