/** Schema migrations, applied in order; `user_version` records how many ran. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    action TEXT,
    received_at INTEGER NOT NULL
  );
  CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'ready',
    run_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT,
    lease_expires_at INTEGER,
    lease_token INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  CREATE INDEX jobs_due ON jobs (state, run_at);
  CREATE INDEX jobs_key ON jobs (key, state);
  CREATE TABLE workflows (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    open INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    workflow_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    actor TEXT,
    delivery_id TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX events_workflow ON events (workflow_id, seq);
  CREATE TABLE effects (
    key TEXT PRIMARY KEY,
    result TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
  );
  `,
  `
  CREATE TABLE seen (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
  );
  `,
  `
  ALTER TABLE jobs ADD COLUMN waits INTEGER NOT NULL DEFAULT 0;
  `,
  // The version of the state JSON (see engine/stored-state.ts); rows written before it was recorded are version 1.
  `
  ALTER TABLE workflows ADD COLUMN state_version INTEGER NOT NULL DEFAULT 1;
  `,
];
