/** What Foreman knows, in memory, of GitHub's write budget for an installation. */
export interface GitHubBudgetPort {
  /**
   * When the installation's writes wait on GitHub's limits (the minute's or the hour's budget spent, or
   * a limit GitHub answered with): the time, in ms since the epoch, the queued writes are held until.
   * Null when they do not wait (the spacing between writes alone is not a wait).
   */
  heldUntil(installationId: number): number | null;
}
