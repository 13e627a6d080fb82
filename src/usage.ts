/** What `foreman --help` prints: how to start the app and where its settings are documented. */
export const USAGE = `Foreman: a GitHub App that turns a labelled issue into merged code.

Usage: node dist/main.js        (or: npm start)

Settings come from the environment:
  APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET   the GitHub App's credentials
  FOREMAN_LLM_BASE_URL, FOREMAN_LLM_API_KEY                 an OpenAI-compatible endpoint
  PORT, HOST, LOG_LEVEL, FOREMAN_DB_PATH                    the server and its database
  FOREMAN_DEFAULT_MODEL, FOREMAN_ALLOWED_MODELS             the models, and which a repository may choose
  FOREMAN_MAX_TOKENS_PER_ISSUE, FOREMAN_MAX_COST_PER_ISSUE_USD   ceilings on what one issue may spend
  FOREMAN_MODEL_PRICES or FOREMAN_MODEL_PRICES_FILE         prices per model (USD per million tokens)

Every setting, with its default, is in docs/deployment.md.
`;
