/**
 * What the kernel says of a process (Linux `/proc`): the CPU time it used, its threads counted, and
 * its resident memory.
 */
import { readFile } from "node:fs/promises";

/** Clock ticks a second in `/proc/<pid>/stat` (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface CpuTime {
  /** User and system time of the process and all its threads, in seconds. */
  seconds: number;
  /** User and system time of its children it waited for (git, the repository's checks), in seconds. */
  childrenSeconds: number;
}

/** Parses `/proc/<pid>/stat`: fields 14-17 (utime, stime, cutime, cstime), counted after the command name's closing parenthesis. */
export function parseStat(text: string): CpuTime {
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // After ") ", field 3 (state) is index 0, so field n is index n - 3.
  const ticks = (field: number): number => {
    const value = Number(fields[field - 3]);
    if (!Number.isFinite(value)) throw new Error(`/proc stat has no number in field ${field}: ${text.slice(0, 80)}`);
    return value;
  };
  return {
    seconds: (ticks(14) + ticks(15)) / TICKS_PER_SECOND,
    childrenSeconds: (ticks(16) + ticks(17)) / TICKS_PER_SECOND,
  };
}

export async function cpuTimeOf(pid: number): Promise<CpuTime> {
  return parseStat(await readFile(`/proc/${pid}/stat`, "utf8"));
}

export interface Memory {
  /** Resident set size now, in MB (VmRSS). */
  rssMb: number;
  /** The most it has been resident, in MB (VmHWM). */
  peakRssMb: number;
}

/** Parses `/proc/<pid>/status` for VmRSS and VmHWM (kB). */
export function parseStatus(text: string): Memory {
  const kilobytes = (key: string): number => {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB$`, "m").exec(text);
    if (!match?.[1]) throw new Error(`/proc status has no ${key} line`);
    return Number(match[1]);
  };
  const megabytes = (kb: number): number => Math.round((kb / 1024) * 10) / 10;
  return { rssMb: megabytes(kilobytes("VmRSS")), peakRssMb: megabytes(kilobytes("VmHWM")) };
}

export async function memoryOf(pid: number): Promise<Memory> {
  return parseStatus(await readFile(`/proc/${pid}/status`, "utf8"));
}
