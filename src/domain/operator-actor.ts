/**
 * `operator:<user>`: who changed a workflow from the operator's command line (`foreman cancel`,
 * `foreman retry`), as the engine events and the audit trail record it. A GitHub login never holds
 * `:`, so it is never taken for one.
 */
export const OperatorActor = {
  toString(user: string): string {
    return `operator:${user}`;
  },
  /** The user, when `actor` is an operator's; null for a GitHub login. */
  parse(actor: string): string | null {
    const match = /^operator:([^\s:]+)$/.exec(actor);
    return match?.[1] ?? null;
  },
};
