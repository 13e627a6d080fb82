import type { ChecksSettings } from "./settings.ts";

/** The resource limits of one command, set with `prlimit` on it and inherited by everything it starts. */
export interface ProcessLimits {
  /** CPU time of each process (RLIMIT_CPU). */
  cpuSeconds: number;
  /**
   * Private writable memory of each process (RLIMIT_DATA). Not the address space: V8 and
   * WebAssembly reserve far more address space than they use, and Node.js 24 counts about
   * 0.6 GiB of RLIMIT_DATA at start and about 0.5 GiB more per worker thread.
   */
  memoryBytes: number;
  /** Processes and threads of the command's user at once (RLIMIT_NPROC). */
  processes: number;
  /** Largest file it may write (RLIMIT_FSIZE). */
  fileBytes: number;
}

/** The largest file a command may write. */
const FILE_BYTES = 1024 ** 3;
/** A run that prints this many times the output it keeps is stopped (`output_limit`). */
const OUTPUT_CEILING_FACTOR = 32;

/**
 * The limits of a command given its wall time: CPU time is never what stops a command before its
 * wall time would, even one that keeps every core busy; it stops a process that outlives its run.
 */
export function processLimits(settings: ChecksSettings, timeoutMs: number, cores: number): ProcessLimits {
  return {
    cpuSeconds: Math.ceil(timeoutMs / 1000) * Math.max(1, cores) + 1,
    memoryBytes: settings.memoryMb * 1024 * 1024,
    processes: settings.processes,
    fileBytes: FILE_BYTES,
  };
}

/** Bytes of output kept (its start and its end) and the ceiling past which the run is stopped. */
export function outputLimits(settings: ChecksSettings): { keepBytes: number; ceilingBytes: number } {
  const keepBytes = settings.outputKb * 1024;
  return { keepBytes, ceilingBytes: keepBytes * OUTPUT_CEILING_FACTOR };
}
