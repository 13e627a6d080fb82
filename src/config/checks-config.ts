import { z } from "zod";
import { allowPatternProblem } from "../policy/command-line.ts";

/** A check's name as agents call it: `test`, `lint`, `typecheck`. */
const CheckName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, "a check's name is lowercase letters, digits, `-` and `_`, starting with a letter");

const CommandLine = z.string().trim().min(1).max(2_000);

/** A declared command: its shell line, or the line with its time limit. */
const command = (timeoutSeconds: number, maxSeconds: number) =>
  z.union([
    CommandLine.transform((run) => ({ run, timeoutSeconds })),
    z
      .object({
        /** Run by `sh -c` in the sandbox, in the working copy's root. */
        run: CommandLine,
        timeoutSeconds: z.int().min(1).max(maxSeconds).default(timeoutSeconds),
      })
      .strict(),
  ]);

const AllowPattern = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .superRefine((pattern, context) => {
    const problem = allowPatternProblem(pattern);
    if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
  });

/**
 * `checks`: the repository's own commands, which agents run on their working copy in an OS sandbox
 * before anything is pushed. Nothing else ever runs.
 */
export const ChecksConfig = z
  .object({
    /** Installs dependencies; runs once per state of the lockfiles, and its result is reused. */
    setup: command(600, 3_600).optional(),
    /** Named checks (`test`, `lint` …): each must pass before the coder's work is pushed. */
    commands: z.record(CheckName, command(300, 3_600)).default({}),
    /** Further command lines an agent may run (`npm test -- *`, `pytest ...`). */
    allow: z.array(AllowPattern).max(50).default([]),
  })
  .strict()
  .superRefine((checks, context) => {
    if (Object.keys(checks.commands).length > 10) context.addIssue({ code: "custom", path: ["commands"], message: "at most 10 checks" });
  });
export type ChecksConfig = z.infer<typeof ChecksConfig>;

/** Whether the repository declares anything to run. */
export function declaresChecks(checks: ChecksConfig): boolean {
  return Object.keys(checks.commands).length > 0;
}
