/** Where one page sits among the pages of a listing. */
export interface PagePosition {
  page: number;
  /** The last page that holds items; 1 for an empty listing. */
  last: number;
}

/**
 * The `Link` header GitHub sends with a page of a listing: `prev` and `first` after the first
 * page, `next` and `last` before the last one, in that order, and no header at all when the
 * listing fits in one page. Each URL is the request's own with `page` set, so `per_page` and
 * filters carry over (and a request made through `/repositories/{id}/…` gets links of that form,
 * as GitHub's own links are).
 */
export function linkHeader(requestUrl: URL, position: PagePosition): string | null {
  const { page, last } = position;
  const link = (target: number, rel: string): string => {
    const url = new URL(requestUrl);
    url.searchParams.set("page", String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, "prev")] : []),
    ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
    ...(page > 1 ? [link(1, "first")] : []),
  ];
  return links.length > 0 ? links.join(", ") : null;
}
