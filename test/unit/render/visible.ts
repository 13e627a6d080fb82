/** Shows the zero-width spaces that neutralise mentions and closing keywords, for readable snapshots. */
export function visible(text: string): string {
  return text.replaceAll("\u200b", "{ZWSP}");
}
