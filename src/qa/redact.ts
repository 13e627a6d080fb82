export interface Redacted {
  text: string;
  redactions: number;
}

interface Rule {
  kind: string;
  pattern: RegExp;
  /** Keep the first capture group (a header name, a key) and redact only what follows it. */
  keepPrefix?: true;
  /** For a format GitHub's push protection blocks: what it is, in words. Foreman never commits one. */
  what?: string;
}

/** Token shapes with a recognisable prefix, most specific first. */
const RULES: readonly Rule[] = [
  {
    kind: "private-key",
    pattern: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----|$)/g,
    what: "a private key",
  },
  {
    kind: "authorization",
    pattern: /(\bauthorization["']?\s*[:=]\s*["']?(?:bearer|token|basic)\s+)[A-Za-z0-9._~+/=-]{6,}/gi,
    keepPrefix: true,
  },
  { kind: "github-token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, what: "a GitHub token" },
  { kind: "github-token", pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/g, what: "a GitHub token" },
  { kind: "gitlab-token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g, what: "a GitLab token" },
  { kind: "stripe-key", pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}/g, what: "a Stripe key" },
  { kind: "api-key", pattern: /\bsk-(?:proj|svcacct|admin|ant)-[A-Za-z0-9_-]{20,}/g, what: "an OpenAI or Anthropic key" },
  { kind: "api-key", pattern: /\bsk-[A-Za-z0-9_-]{20,}/g },
  { kind: "aws-key-id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, what: "an AWS access key" },
  { kind: "aws-secret", pattern: /(\baws_secret_access_key["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{20,}/gi, keepPrefix: true },
  { kind: "npm-token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/g, what: "an npm token" },
  { kind: "pypi-token", pattern: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g, what: "a PyPI token" },
  { kind: "slack-token", pattern: /\bxox[abp]-\d+-\d+-[A-Za-z0-9-]{10,}/g, what: "a Slack token" },
  { kind: "slack-token", pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  {
    kind: "slack-webhook",
    pattern: /\bhttps:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/g,
    what: "a Slack webhook URL",
  },
  { kind: "google-key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, what: "a Google API key" },
  { kind: "jwt", pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g },
];

const SECRET_KEY = /(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i;
/** `key=value`, `key: value`, `"key": "value"`; not `==`, `=>`, `:=` or `::`. */
const ASSIGNMENT = /(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_.-]{0,80})(["']?\s*[:=]\s*)(?![=>:])(["']?)([^\s"'`,;]+)/g;
/** Values a secret-looking key may have that are not secrets: masks, placeholders, references, types. */
const NOT_A_SECRET =
  /^(?:\*+|x+|\.{3}|<[^>]*>?|\$.*|%.*%|\[REDACTED.*|true|false|null|none|nil|undefined|string|number|boolean|any|unknown|required|optional|(?:process\.env|env|secrets|vars|os\.environ)\b.*|.*\(.*)$/i;
/** `options.apiKey`, `config.auth.token`: a reference to a value in code, not the value. */
const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
const HEX_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
const TOKEN_ALPHABET = /^[A-Za-z0-9+/=_-]+$/;

/** Shannon entropy of the text in bits per character. */
export function entropyPerChar(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** A long random-looking value: token alphabet, letters and digits, high entropy; git SHAs are allowed. */
export function looksRandom(value: string): boolean {
  if (value.length < 20 || HEX_SHA.test(value) || !TOKEN_ALPHABET.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return entropyPerChar(value) > 3.5;
}

function secretValue(key: string, value: string): boolean {
  if (SECRET_KEY.test(key)) return value.length >= 3 && !NOT_A_SECRET.test(value) && !DOTTED_NAME.test(value);
  return looksRandom(value);
}

function applyRule(text: string, rule: Rule, count: { n: number }): string {
  return text.replace(rule.pattern, (_match: string, first: unknown) => {
    count.n += 1;
    const prefix = rule.keepPrefix && typeof first === "string" ? first : "";
    return `${prefix}[REDACTED:${rule.kind}]`;
  });
}

/** A secret of a format GitHub's push protection blocks, found in a text: what it is and the text that matched. */
export interface KnownSecret {
  what: string;
  value: string;
}

/** Every secret of a format GitHub's push protection blocks in `text`, by the same rules that redact them. */
export function knownSecrets(text: string): KnownSecret[] {
  return RULES.flatMap((rule) =>
    rule.what === undefined ? [] : [...text.matchAll(rule.pattern)].map((match) => ({ what: rule.what ?? rule.kind, value: match[0] })),
  );
}

/**
 * Replaces secrets with `[REDACTED:kind]` before text reaches a prompt or a comment: token
 * shapes (GitHub, OpenAI, AWS, npm, Slack, Google, JWT), private key blocks, authorization
 * headers, and assignments whose key looks secret or whose value looks random.
 */
export function redactSecrets(text: string): Redacted {
  const count = { n: 0 };
  let current = text;
  for (const rule of RULES) current = applyRule(current, rule, count);
  current = current.replace(ASSIGNMENT, (match: string, key: string, separator: string, quote: string, value: string) => {
    if (!secretValue(key, value)) return match;
    count.n += 1;
    return `${key}${separator}${quote}[REDACTED:secret]`;
  });
  return { text: current, redactions: count.n };
}
