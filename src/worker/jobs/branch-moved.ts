import { BranchMovedError } from "../../ports/errors.ts";

/** Runs a commit, turning "the branch moved under us" (a human push) into an outcome instead of a failed job. */
export async function unlessBranchMoved<T>(work: () => Promise<T>, moved: () => T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BranchMovedError) return moved();
    throw error;
  }
}
