/**
 * The app's environment as production runs it, over the demo's: Probot's throttling on and the
 * reconciler's and leases' default intervals (the demo shortens them so that a lost webhook costs
 * seconds). See `src/env.ts`.
 */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  FOREMAN_GITHUB_THROTTLE: "on",
  FOREMAN_RECONCILE_SECONDS: "300",
  FOREMAN_RECONCILE_SCAN_SECONDS: "3600",
  FOREMAN_LEASE_SECONDS: "60",
};
