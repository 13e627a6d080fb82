import { z } from "zod";
import type { Edit } from "../apply-edits.ts";
import type { EditSession } from "./edit-session.ts";
import { shownPath, toolError, type ToolResult } from "./results.ts";
import { countLines } from "./text-lines.ts";
import { defineTool, type Tool } from "./tool.ts";

const Replacement = z.object({ search: z.string().min(1), replace: z.string() });
const EditArgs = z.object({ path: z.string().min(1), replacements: z.array(Replacement).min(1) });
const CreateArgs = z.object({ path: z.string().min(1), content: z.string() });
const DeleteArgs = z.object({ path: z.string().min(1) });

async function applied(session: EditSession, edit: Edit, done: (lines: number) => string): Promise<ToolResult> {
  const problems = await session.apply(edit);
  if (problems.length > 0) return toolError(`nothing was changed: ${problems.join("; ")}`);
  const now = await session.overlay.readFile(edit.path);
  return { header: done(now === null ? 0 : countLines(now.content)), body: "" };
}

function editTool(session: EditSession): Tool {
  const spec = {
    name: "edit",
    description:
      "Change a file of the task: each replacement's `search` must match the file as it is now exactly once (include enough lines), and is replaced by `replace`. Replacements apply in order.",
    parameters: {
      type: "object",
      properties: {
        path: { type: "string" },
        replacements: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            properties: { search: { type: "string" }, replace: { type: "string" } },
            required: ["search", "replace"],
            additionalProperties: false,
          },
        },
      },
      required: ["path", "replacements"],
      additionalProperties: false,
    },
  };
  return defineTool(spec, EditArgs, (args) =>
    applied(
      session,
      { path: args.path, action: "modify", replacements: args.replacements },
      (lines) =>
        `Edited ${shownPath(args.path)}: ${args.replacements.length} replacement${args.replacements.length === 1 ? "" : "s"} applied; it now has ${lines} lines.`,
    ),
  );
}

function createTool(session: EditSession): Tool {
  const spec = {
    name: "create",
    description: "Write a whole file of the task: a new file, or an existing one rewritten completely.",
    parameters: {
      type: "object",
      properties: { path: { type: "string" }, content: { type: "string", description: "The whole file" } },
      required: ["path", "content"],
      additionalProperties: false,
    },
  };
  return defineTool(spec, CreateArgs, (args) =>
    applied(
      session,
      { path: args.path, action: "create", content: args.content },
      (lines) => `Wrote ${shownPath(args.path)} (${lines} lines).`,
    ),
  );
}

function deleteTool(session: EditSession): Tool {
  const spec = {
    name: "delete",
    description: "Delete a file of the task.",
    parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"], additionalProperties: false },
  };
  return defineTool(spec, DeleteArgs, (args) =>
    applied(session, { path: args.path, action: "delete" }, () => `Deleted ${shownPath(args.path)}.`),
  );
}

/** The tools of a role that writes: edit, create, delete (reads then show the change). */
export function writeTools(session: EditSession): Tool[] {
  return [editTool(session), createTool(session), deleteTool(session)];
}
