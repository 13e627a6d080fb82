const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]|[\u{E0000}-\u{E007F}]/gu;

/**
 * Cleans untrusted text before it reaches a prompt: removes HTML comments, invisible and
 * bidirectional characters, Unicode tag characters and hidden HTML, and caps the length.
 */
export function sanitizeUntrusted(text: string, maxChars = 20_000): string {
  const cleaned = text
    .replace(/<!--[\s\S]*?(-->|$)/g, "")
    .replace(INVISIBLE, "")
    .replace(/<([a-z]+)\b[^>]*\b(hidden|style\s*=\s*["'][^"']*display\s*:\s*none)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, "[image]")
    .replace(/\[([^\]]*)\]\(([^)\s]+)\s+"[^"]*"\)/g, "[$1]($2)")
    .replace(/\r\n/g, "\n");
  return cleaned.length > maxChars ? `${cleaned.slice(0, maxChars)}\n[... truncated at ${maxChars} characters]` : cleaned;
}

/** Wraps untrusted text in a labelled fence so the model treats it as data, not instructions. */
export function fenceUntrusted(label: string, text: string): string {
  const fence = "~~~~~~~~";
  const safe = text.replaceAll(fence, "~~~~~~~");
  return `<untrusted-data source="${label}">\n${fence}\n${safe}\n${fence}\n</untrusted-data>`;
}
