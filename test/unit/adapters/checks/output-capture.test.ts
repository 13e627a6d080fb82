import { describe, expect, it } from "vitest";
import { OutputCapture } from "../../../../src/adapters/checks/output-capture.ts";

describe("captured output", () => {
  it("is kept whole while it fits", () => {
    const capture = new OutputCapture({ keepBytes: 16, ceilingBytes: 64 });

    capture.add(Buffer.from("hello "));
    capture.add(Buffer.from("world\n"));

    expect(capture.text()).toBe("hello world\n");
    expect(capture.truncated).toBe(false);
  });

  it("keeps its start and its end, and says how much was left out between", () => {
    const capture = new OutputCapture({ keepBytes: 8, ceilingBytes: 1000 });

    for (const chunk of ["abc", "defgh", "ijklmnop", "qr", "stuvwxyz"]) capture.add(Buffer.from(chunk));

    expect(capture.text()).toBe("abcd\n[… 18 bytes of output left out …]\nwxyz");
    expect(capture.truncated).toBe(true);
  });

  it("says when the output passed its ceiling", () => {
    const capture = new OutputCapture({ keepBytes: 4, ceilingBytes: 10 });

    expect(capture.add(Buffer.from("12345"))).toBe(true);
    expect(capture.add(Buffer.from("67890"))).toBe(true);
    expect(capture.add(Buffer.from("x"))).toBe(false);
  });
});
