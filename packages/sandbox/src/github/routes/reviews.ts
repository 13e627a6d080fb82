import type { RouteTable } from "../context.ts";
import { createReplyForReviewComment, createReviewComment, listReviewComments, listReviews } from "./reviews-comments.ts";
import { createReview } from "./reviews-create.ts";

export const reviewsRoutes: RouteTable = {
  "pulls/create-review": createReview,
  "pulls/list-reviews": listReviews,
  "pulls/list-review-comments": listReviewComments,
  "pulls/create-review-comment": createReviewComment,
  "pulls/create-reply-for-review-comment": createReplyForReviewComment,
};
