/** What `foreman --help` prints: how to start the app and where its settings are documented. */
export const USAGE = `Foreman: a GitHub App that turns a labelled issue into merged code.

Usage: node dist/main.js        (or: npm start)

Settings come from the environment and from .env (or FOREMAN_ENV_FILE); the environment wins:
  APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET   the GitHub App's credentials
  FOREMAN_LLM_BASE_URL, FOREMAN_LLM_API_KEY                 an OpenAI-compatible endpoint
  PORT, HOST, LOG_LEVEL, LOG_FORMAT, FOREMAN_DB_PATH        the server, its logs and its database
  GHE_HOST, GHE_PROTOCOL, HTTPS_PROXY, NO_PROXY             GitHub Enterprise Server, a proxy
  FOREMAN_DASHBOARD_TOKEN, FOREMAN_METRICS_TOKEN            the /dashboard (off without its token) and /metrics
  FOREMAN_DEFAULT_MODEL, FOREMAN_ALLOWED_MODELS             the models, and which a repository may choose
  FOREMAN_MAX_TOKENS_PER_ISSUE, FOREMAN_MAX_COST_PER_ISSUE_USD   ceilings on what one issue may spend
  FOREMAN_MODEL_PRICES or FOREMAN_MODEL_PRICES_FILE         prices per model (USD per million tokens)

Retention (finished work, pruned by the server and by npx foreman prune):
  FOREMAN_RETENTION_DAYS (30), FOREMAN_AUDIT_RETENTION_DAYS (365), FOREMAN_PRUNE_HOURS (1)

The operator's command line: npx foreman help   (list, show, top, cancel, retry, audit, prune, backup)

Without the App's credentials it serves a setup page (open http://localhost:3000/) that
registers the App on GitHub and writes them to .env. GET /healthz and /readyz report its health.

Every setting, with its default, is in docs/deployment.md and .env.example; metrics, alerts and
the dashboard in docs/operations.md.
`;
