import { z } from "zod";
import { GraphqlFailure } from "../failure.ts";

/** Mutation inputs, already coerced by graphql-js against GitHub's schema; zod gives them types. */
export const EnqueueInput = z.object({
  pullRequestId: z.string(),
  expectedHeadOid: z.string().nullish(),
  jump: z.boolean().nullish(),
  clientMutationId: z.string().nullish(),
});

export const DequeueInput = z.object({ id: z.string(), clientMutationId: z.string().nullish() });

export const EnableAutoMergeInput = z.object({
  pullRequestId: z.string(),
  mergeMethod: z.enum(["MERGE", "SQUASH", "REBASE"]).nullish(),
  expectedHeadOid: z.string().nullish(),
  clientMutationId: z.string().nullish(),
});

export const DisableAutoMergeInput = z.object({ pullRequestId: z.string(), clientMutationId: z.string().nullish() });

export const CreateCommitInput = z.object({
  branch: z.object({
    repositoryNameWithOwner: z.string().nullish(),
    branchName: z.string().nullish(),
    id: z.string().nullish(),
  }),
  expectedHeadOid: z.string(),
  message: z.object({ headline: z.string(), body: z.string().nullish() }),
  fileChanges: z
    .object({
      additions: z.array(z.object({ path: z.string(), contents: z.string() })).nullish(),
      deletions: z.array(z.object({ path: z.string() })).nullish(),
    })
    .nullish(),
  clientMutationId: z.string().nullish(),
});

/** Reads `args.input` with a schema; a mismatch is the sandbox's own bug, reported as such. */
export function inputOf<T extends z.ZodType>(schema: T, args: Readonly<Record<string, unknown>>): z.infer<T> {
  const parsed = schema.safeParse(args.input);
  if (!parsed.success) throw new GraphqlFailure("UNPROCESSABLE", `the sandbox could not read the input: ${parsed.error.message}`);
  return parsed.data;
}
