/**
 * Log fields that may hold Foreman's own credentials (the App private key, the webhook secret,
 * model keys, installation tokens, authorization headers, including those of a failed request
 * logged as `err`); the logger writes `[REDACTED]` in their place.
 */
const LOG_REDACT_PATHS: readonly string[] = [
  "privateKey",
  "*.privateKey",
  "secret",
  "*.secret",
  "webhookSecret",
  "*.webhookSecret",
  "apiKey",
  "*.apiKey",
  "llmApiKey",
  "*.llmApiKey",
  "providers[*].apiKey",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "err.request.headers.authorization",
  "err.response.headers.authorization",
  "PRIVATE_KEY",
  "WEBHOOK_SECRET",
  "FOREMAN_LLM_API_KEY",
  "OPENAI_API_KEY",
  "*.PRIVATE_KEY",
  "*.WEBHOOK_SECRET",
  "*.FOREMAN_LLM_API_KEY",
  "*.OPENAI_API_KEY",
];

export const LOG_REDACTION = { paths: [...LOG_REDACT_PATHS], censor: "[REDACTED]" };
