/** What `foreman --help` prints: how to start the app and where its settings are documented. */
export const USAGE = `Foreman: a GitHub App that turns a labelled issue into merged code.

Usage: node dist/main.js        (or: npm start)

Settings come from the environment:
  APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET   the GitHub App's credentials
  FOREMAN_LLM_BASE_URL, FOREMAN_LLM_API_KEY                 an OpenAI-compatible endpoint
  PORT, HOST, LOG_LEVEL, FOREMAN_DB_PATH                    the server and its database

Retention (finished work, pruned by the server and by npx foreman prune):
  FOREMAN_RETENTION_DAYS (30), FOREMAN_AUDIT_RETENTION_DAYS (365), FOREMAN_PRUNE_HOURS (1)

The operator's command line: npx foreman help   (list, show, top, cancel, retry, audit, prune, backup)

Every setting, with its default, is in docs/deployment.md.
`;
