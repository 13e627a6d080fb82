import type { Repository } from "../github/state/types.ts";
import type { HistoryCommit } from "../scenario/index.ts";

/**
 * Commits a scenario's history on the repository's default branch, oldest first, each on top of
 * the last, authored by the repository's owner: a history for the app to read (its commit titles).
 */
export async function seedHistory(repo: Repository, history: readonly HistoryCommit[]): Promise<void> {
  const author = { name: repo.owner.login, email: `${repo.owner.login}@users.noreply.localhost` };
  for (const commit of history) {
    await repo.git.seed(commit.files, { branch: repo.defaultBranch, message: commit.message, author });
  }
}
