import { APP_AUTHOR, type CommentCountExpectation } from "../scenario/index.ts";
import { commentsOn } from "./observe.ts";
import type { World } from "./world.ts";

function place(on: CommentCountExpectation["on"]): string {
  return on === "issue" ? "the issue" : `task ${on.task}'s pull request`;
}

function describeCount(expected: CommentCountExpectation): string {
  if (expected.count !== undefined) return String(expected.count);
  if (expected.atMost === undefined) return `at least ${expected.atLeast}`;
  return expected.atLeast === undefined ? `at most ${expected.atMost}` : `${expected.atLeast} to ${expected.atMost}`;
}

/** The comments an expectation counts, oldest first. */
function counted(world: World, expected: CommentCountExpectation): number {
  const author = expected.author?.toLowerCase() === APP_AUTHOR ? world.botLogin : expected.author;
  return commentsOn(world, expected.on).filter(
    (comment) =>
      (author === undefined || comment.user.login.toLowerCase() === author.toLowerCase()) &&
      (expected.contains === undefined || comment.body.includes(expected.contains)),
  ).length;
}

/** Every comment count in `expect.comments` that does not hold now, in words. */
export function commentCountFailures(world: World, expectations: readonly CommentCountExpectation[]): string[] {
  return expectations.flatMap((expected) => {
    const actual = counted(world, expected);
    const { count, atLeast = 0, atMost = Number.POSITIVE_INFINITY } = expected;
    const holds = count === undefined ? actual >= atLeast && actual <= atMost : actual === count;
    if (holds) return [];
    const by = expected.author === undefined ? "" : ` by ${expected.author.toLowerCase() === APP_AUTHOR ? "the app" : expected.author}`;
    const containing = expected.contains === undefined ? "" : ` containing ${JSON.stringify(expected.contains)}`;
    return [`comments on ${place(expected.on)}${by}${containing}: expected ${describeCount(expected)}, got ${actual}`];
  });
}
