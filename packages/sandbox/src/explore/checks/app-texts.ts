import { branchMoves, eventsOf, field, headBefore, isApp, text, type RunView } from "../run-view.ts";

/** A text the app wrote on GitHub and where. */
export interface AppText {
  where: string;
  body: string;
}

function commentTexts(view: RunView): AppText[] {
  return eventsOf(view, "issue_comment")
    .filter((event) => isApp(view, event.sender) && (event.action === "created" || event.action === "edited"))
    .map((event) => ({
      where: `comment on #${String(field(event.payload, "issue", "number"))}`,
      body: text(field(event.payload, "comment", "body")),
    }));
}

function pullTexts(view: RunView): AppText[] {
  return eventsOf(view, "pull_request")
    .filter((event) => isApp(view, event.sender) && (event.action === "opened" || event.action === "edited"))
    .flatMap((event) => {
      const where = `pull request #${String(field(event.payload, "number"))}`;
      return [
        { where: `${where} title`, body: text(field(event.payload, "pull_request", "title")) },
        { where: `${where} body`, body: text(field(event.payload, "pull_request", "body")) },
      ];
    });
}

function reviewTexts(view: RunView): AppText[] {
  const reviews = eventsOf(view, "pull_request_review", "submitted")
    .filter((event) => isApp(view, event.sender))
    .map((event) => ({
      where: `review on #${String(field(event.payload, "pull_request", "number"))}`,
      body: text(field(event.payload, "review", "body")),
    }));
  const inline = eventsOf(view, "pull_request_review_comment")
    .filter((event) => isApp(view, event.sender))
    .map((event) => ({
      where: `review comment on #${String(field(event.payload, "pull_request", "number"))}`,
      body: text(field(event.payload, "comment", "body")),
    }));
  return [...reviews, ...inline];
}

function checkTexts(view: RunView): AppText[] {
  return view.checkRuns
    .filter((run) => run.appId === view.appId)
    .flatMap((run) =>
      [run.output.title, run.output.summary, run.output.text].flatMap((body) =>
        body ? [{ where: `check run "${run.name}" on ${run.headSha.slice(0, 7)}`, body }] : [],
      ),
    );
}

/** The heads the app put on branches: each new commit of its own (branch creations and moves). */
function appHeads(view: RunView): string[] {
  return [...new Set(branchMoves(view).flatMap((move) => (isApp(view, move.sender) && move.after !== null ? [move.after] : [])))];
}

/** The commit messages of the commits the app put at the head of a branch. */
async function commitTexts(view: RunView): Promise<AppText[]> {
  return Promise.all(
    appHeads(view).map(async (sha) => ({ where: `commit ${sha.slice(0, 7)} message`, body: (await view.git.getCommit(sha)).message })),
  );
}

/** Every text the app wrote: comments (each version), pull request titles and bodies, reviews, check runs, commit messages. */
export async function appTexts(view: RunView): Promise<AppText[]> {
  return [...commentTexts(view), ...pullTexts(view), ...reviewTexts(view), ...checkTexts(view), ...(await commitTexts(view))];
}

/**
 * The lines each move of the app's added to a branch other than the default one (whatever the app
 * merges there comes from those branches), compared with the branch's previous head or, for a new
 * branch, the default branch then.
 */
export async function appCommitContent(view: RunView): Promise<AppText[]> {
  const moves = branchMoves(view).filter((move) => isApp(view, move.sender) && move.after !== null && move.branch !== view.defaultBranch);
  const added = await Promise.all(
    moves.map(async (move): Promise<AppText[]> => {
      const base = move.before ?? headBefore(view, view.defaultBranch, move.seq) ?? view.initialMain;
      const comparison = await view.git.compare(base, move.after ?? "");
      return comparison.files.flatMap((file) => {
        const lines = (file.patch ?? "").split("\n").filter((line) => line.startsWith("+"));
        return lines.length > 0
          ? [{ where: `${file.filename} on ${move.branch} at ${(move.after ?? "").slice(0, 7)}`, body: lines.join("\n") }]
          : [];
      });
    }),
  );
  return added.flat();
}
