import type { GitRunner } from "./run-git.ts";

/** Whether commit `ancestor` is reachable from commit `descendant` (a commit is its own ancestor). */
export async function isAncestorCommit(git: GitRunner, ancestor: string, descendant: string): Promise<boolean> {
  const result = await git.exec(["merge-base", "--is-ancestor", ancestor, descendant], { allowedExitCodes: [1] });
  return result.exitCode === 0;
}

/** The best common ancestor of two commits, or `null` for unrelated histories. */
export async function mergeBaseOf(git: GitRunner, a: string, b: string): Promise<string | null> {
  const result = await git.exec(["merge-base", a, b], { allowedExitCodes: [1] });
  const sha = result.stdout.toString("utf8").trim();
  return result.exitCode === 0 && sha !== "" ? sha : null;
}

/** Commits reachable from `head` but not from `base`, oldest first. */
export async function commitsBetween(git: GitRunner, base: string, head: string, options: { noMerges?: boolean } = {}): Promise<string[]> {
  const args = ["rev-list", "--reverse", "--topo-order"];
  if (options.noMerges === true) args.push("--no-merges");
  args.push(head, `^${base}`);
  const output = await git.text(args);
  return output.split("\n").filter((line) => line !== "");
}

/** `[behind, ahead]`: commits only in `base`, commits only in `head`. */
export async function divergence(git: GitRunner, base: string, head: string): Promise<{ behindBy: number; aheadBy: number }> {
  const output = await git.text(["rev-list", "--left-right", "--count", `${base}...${head}`]);
  const [behind, ahead] = output.trim().split(/\s+/).map(Number);
  return { behindBy: behind ?? 0, aheadBy: ahead ?? 0 };
}

/** Every commit reachable from `head`, newest first by commit date, never a parent before its child (`git log`'s order). */
export async function ancestryOf(git: GitRunner, head: string): Promise<string[]> {
  const output = await git.text(["rev-list", "--date-order", head]);
  return output.split("\n").filter((line) => line !== "");
}
