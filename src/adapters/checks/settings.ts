/**
 * The operator's settings for local checks (`FOREMAN_CHECKS_*`): `sandbox` runs commands in
 * bubblewrap, `unsandboxed` runs them with limits and a cleared environment only, `off` not at all.
 */
type ChecksMode = "sandbox" | "unsandboxed" | "off";

/** Which installations' setup commands may reach the network (checks themselves never may). */
export type SetupNetwork = { kind: "none" } | { kind: "all" } | { kind: "installations"; ids: readonly number[] };

export interface ChecksSettings {
  mode: ChecksMode;
  /** Where working copies and cached setup results are kept. */
  dir: string;
  /** Folders bound read-only into the sandbox at the same path; each one's `bin` goes on PATH. */
  toolchains: readonly string[];
  /** Variables passed through from Foreman's environment by name. */
  passEnv: readonly string[];
  setupNetwork: SetupNetwork;
  /** Private writable memory of each process (RLIMIT_DATA), in MiB. */
  memoryMb: number;
  /** Processes (and threads) at once of the sandbox's user (RLIMIT_NPROC). */
  processes: number;
  /** Output kept of one run, in KiB (its start and its end); the run is stopped at 32 times this. */
  outputKb: number;
}

/** Whether the setup of `installationId` may use the network. */
export function setupMayUseNetwork(network: SetupNetwork, installationId: number): boolean {
  if (network.kind === "all") return true;
  return network.kind === "installations" && network.ids.includes(installationId);
}
