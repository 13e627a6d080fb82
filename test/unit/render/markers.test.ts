import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WORKFLOW_STATE_VERSION } from "../../../src/engine/stored-state.ts";
import { InvalidTaskReferenceError } from "../../../src/render/errors.ts";
import { hasStatusMarker, parseStatusMarker, statusMarker } from "../../../src/render/status-marker.ts";
import { parseTaskMarker, taskMarker } from "../../../src/render/task-marker.ts";

describe("status marker", () => {
  it("hides a base64url snapshot in an HTML comment, with the state version it is written at", () => {
    expect(statusMarker({ phase: "running" })).toBe("<!-- foreman:status eyJ2Ijo2LCJzbmFwc2hvdCI6eyJwaGFzZSI6InJ1bm5pbmcifX0 -->");
  });

  it("round-trips a snapshot holding text that would end an HTML comment", () => {
    const snapshot = { note: "--> <!-- foreman:status x -->", tasks: [{ id: "a", pr: 12 }], emoji: "✅" };

    const body = `### Foreman\n\n${statusMarker(snapshot)}\n`;

    expect(parseStatusMarker(body)).toEqual({ version: WORKFLOW_STATE_VERSION, snapshot });
  });

  it("round-trips any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (snapshot) => {
        const parsed = parseStatusMarker(statusMarker(snapshot));

        expect(parsed?.snapshot).toEqual(JSON.parse(JSON.stringify(snapshot)));
      }),
    );
  });

  it("reads the last marker when there are several", () => {
    const body = `${statusMarker("old")}\n${statusMarker("new")}`;

    expect(parseStatusMarker(body)?.snapshot).toBe("new");
  });

  it("returns null without a marker, for garbage, or for an envelope without a version", () => {
    const unversioned = `<!-- foreman:status ${Buffer.from('{"snapshot":1}').toString("base64url")} -->`;

    expect(parseStatusMarker("no marker")).toBeNull();
    expect(parseStatusMarker("<!-- foreman:status not_json -->")).toBeNull();
    expect(parseStatusMarker(unversioned)).toBeNull();
  });

  it("reads the version of any envelope, older or newer, for the reader to migrate or refuse", () => {
    const marker = (v: number): string =>
      `<!-- foreman:status ${Buffer.from(JSON.stringify({ v, snapshot: 1 })).toString("base64url")} -->`;

    expect([1, 3].map((v) => parseStatusMarker(marker(v)))).toEqual([
      { version: 1, snapshot: 1 },
      { version: 3, snapshot: 1 },
    ]);
  });

  it("recognises a status comment by its marker", () => {
    expect(hasStatusMarker(`text\n${statusMarker(null)}`)).toBe(true);
    expect(hasStatusMarker("text")).toBe(false);
  });
});

describe("task marker", () => {
  it("writes the documented format", () => {
    expect(taskMarker({ issue: 12, task: "a", attempt: 1 })).toBe('<!-- foreman:task {"v":1,"issue":12,"task":"a","attempt":1} -->');
  });

  it("round-trips inside a PR body", () => {
    const marker = { issue: 42, task: "add-parser", attempt: 3 };

    expect(parseTaskMarker(`Body\n\n${taskMarker(marker)}\n`)).toEqual(marker);
  });

  it("refuses to write a marker it could not read back", () => {
    expect(() => taskMarker({ issue: 1, task: "a-->b", attempt: 1 })).toThrow(InvalidTaskReferenceError);
    expect(() => taskMarker({ issue: 1, task: "a", attempt: 0 })).toThrow(InvalidTaskReferenceError);
  });

  it("returns null for a missing, malformed or foreign marker", () => {
    expect(parseTaskMarker("plain body")).toBeNull();
    expect(parseTaskMarker("<!-- foreman:task {not json} -->")).toBeNull();
    expect(parseTaskMarker('<!-- foreman:task {"v":1,"issue":1,"task":"a","attempt":1,"extra":true} -->')).toBeNull();
  });
});
