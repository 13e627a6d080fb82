/**
 * The maintainer the harness plays: approves the plan once it waits, approves the tasks that are
 * ready, answers the engineer's questions once ("use your best judgement"), and says when the run
 * has ended (the issue closed, or the work stopped or handed over to a human). It acts only when
 * the status comment shows something new, so it never repeats a command Foreman already answered.
 */
import { commentsOn, type World } from "@foreman/sandbox";
import { MAINTAINER } from "./scenario.ts";

const NO_MORE_DETAIL = "There is no more detail to give: please use your best judgement, as the issue says.";

/** The words of the status comment that call for the maintainer, and those that end the run. */
const WAITS_FOR_PLAN = "Waiting for plan approval";
const WAITS_FOR_ANSWERS = "Waiting for answers";
const READY = "ready for `/approve`";
const ENDED = ["### Foreman: done", "**Stopped.", "**Cancelled.**", "**needs a human**"];

export type Ending = "closed" | "stopped" | "handed over";

export class Maintainer {
  private lastSeen = "";
  /** Commands posted, for the report. */
  readonly commands: string[] = [];

  /** The status comment's body, the app's first comment on the issue that starts with its heading. */
  private status(world: World): string {
    const mine = commentsOn(world, "issue").filter((comment) => comment.user.login === world.botLogin);
    return mine.find((comment) => comment.body.startsWith("### Foreman"))?.body ?? "";
  }

  private async comment(world: World, body: string): Promise<void> {
    this.commands.push(body.startsWith("/") ? body : "answer");
    await world.as(MAINTAINER).rest.issues.createComment({
      owner: world.repo.owner.login,
      repo: world.repo.name,
      issue_number: world.issueNumber,
      body,
    });
  }

  /** How the run ended, or null while it goes on. */
  ending(world: World): Ending | null {
    if (world.github.store.issue(world.repo.id, world.issueNumber)?.state === "closed") return "closed";
    const status = this.status(world);
    if (status.includes(READY) || status.includes(WAITS_FOR_PLAN)) return null;
    if (ENDED.slice(0, 3).some((words) => status.includes(words))) return "stopped";
    return status.includes(ENDED[3] ?? "") ? "handed over" : null;
  }

  /** Called while the run is quiet: acts on what the status comment newly shows; true once the run has ended. */
  async act(world: World): Promise<boolean> {
    const status = this.status(world);
    if (status !== this.lastSeen) {
      this.lastSeen = status;
      if (status.includes(WAITS_FOR_PLAN) || status.includes(READY)) {
        await this.comment(world, "/approve");
        return false;
      }
      if (status.includes(WAITS_FOR_ANSWERS) && !this.commands.includes("answer")) {
        await this.comment(world, NO_MORE_DETAIL);
        return false;
      }
    }
    return this.ending(world) !== null;
  }
}
