/** The hidden marker that lets Foreman find its own comment for `key` again. */
export function commentMarker(key: string): string {
  return `<!-- foreman:comment ${key} -->`;
}

export function hasCommentMarker(body: string | null | undefined, key: string): boolean {
  return (body ?? "").includes(commentMarker(key));
}
