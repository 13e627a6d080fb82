import type { MergeRequirements } from "../../ports/github-types.ts";
import type { Octokit, Target } from "./octokit.ts";

const QUERY = `query MergeRequirements($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewDecision
      reviewRequests(first: 50) {
        nodes { asCodeOwner requestedReviewer { __typename ... on User { login } ... on Team { combinedSlug } } }
      }
    }
  }
}`;

type Reviewer = { __typename: string; login?: string; combinedSlug?: string } | null;

interface Answer {
  repository: {
    pullRequest: {
      reviewDecision: MergeRequirements["reviewDecision"];
      reviewRequests: { nodes: Array<{ asCodeOwner: boolean; requestedReviewer: Reviewer } | null> | null } | null;
    } | null;
  } | null;
}

/** A requested reviewer's name as people write it: a login, or `org/team`. */
const reviewerName = (reviewer: Reviewer): string | null => reviewer?.login ?? reviewer?.combinedSlug ?? null;

/** GitHub's review decision on a pull request, and the code owners it still waits on. */
export async function mergeRequirements(octokit: Octokit, target: Target, number: number): Promise<MergeRequirements> {
  const answer = await octokit.graphql<Answer>(QUERY, { owner: target.owner, name: target.repo, number });
  const pull = answer.repository?.pullRequest;
  const requests = pull?.reviewRequests?.nodes ?? [];
  return {
    reviewDecision: pull?.reviewDecision ?? null,
    codeOwners: requests.flatMap((request) => {
      const name = request?.asCodeOwner ? reviewerName(request.requestedReviewer) : null;
      return name === null ? [] : [name];
    }),
  };
}
