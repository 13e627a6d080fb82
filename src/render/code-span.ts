/**
 * Text as one inline code span, whatever backticks it holds: the fence is one backtick longer than
 * the longest run inside, so no backtick in the text can end the span early (a path such as
 * ``a`b`` stays one span), and whitespace becomes single spaces, as a span cannot cross a blank
 * line. HTML comments are removed first, so that removing them later cannot join two runs.
 *
 * The result is plain text for a sentence that is neutralised as a whole where it is posted (a
 * refusal the coder is told, then a failure comment); `inlineCode` is the `SafeMarkdown` form.
 */
export function codeSpan(text: string): string {
  const content = removeComments(text).replace(/\s+/g, " ");
  if (content === "") return "` `";
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longestRun + 1);
  const padding = content.startsWith("`") || content.endsWith("`") ? " " : "";
  return `${fence}${padding}${content}${padding}${fence}`;
}

/** Removes every HTML comment, including an unterminated one and ones formed by removing others. */
export function removeComments(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
    if (next === current) return current;
    current = next;
  }
}
