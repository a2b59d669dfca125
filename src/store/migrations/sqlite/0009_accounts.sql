-- Caseworker console accounts (service.md §9: roles caseworker, team leader, auditor) and their
-- sessions; failed sign-ins are counted in sign_in_attempts under the key ("console", name).
-- Passwords are stored only as Argon2id hashes and session ids only as SHA-256;
-- `childmaint admin account` creates an account.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('caseworker', 'team_leader', 'auditor')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE console_sessions (
  id_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  created_at INTEGER NOT NULL,             -- unix seconds
  last_seen_at INTEGER NOT NULL            -- unix seconds: idle sessions end (attempts.h)
);
CREATE INDEX console_sessions_account ON console_sessions(account_id);

-- How a caseworker resolved a work item (POST /api/v1/work-items/{id}/resolution).
ALTER TABLE work_items ADD COLUMN resolution TEXT;
