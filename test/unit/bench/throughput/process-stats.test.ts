import { describe, expect, it } from "vitest";
import { parseStat, parseStatus } from "../../../../bench/throughput/process-stats.ts";

describe("parseStat", () => {
  it("reads user and system ticks of the process and of its children, past a command name with spaces", () => {
    const stat = "4242 (node main) ts) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 266 50 25 20 0 11 0 100 1000000 20000";

    expect(parseStat(stat)).toEqual({ seconds: 15, childrenSeconds: 0.75 });
  });

  it("refuses a line without its CPU fields", () => {
    expect(() => parseStat("4242 (node) S 1 4242")).toThrow(/field 14/);
  });
});

describe("parseStatus", () => {
  it("reads VmRSS and VmHWM in MB", () => {
    const status = "Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n";

    expect(parseStatus(status)).toEqual({ rssMb: 100, peakRssMb: 200 });
  });

  it("refuses a status without VmRSS", () => {
    expect(() => parseStatus("Name:\tnode\nVmHWM:\t1 kB\n")).toThrow(/VmRSS/);
  });
});
