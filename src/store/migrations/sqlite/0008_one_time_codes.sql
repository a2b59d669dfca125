-- One-time PIN codes and the outbox (service.md §9; api.md: "a party without [a PIN] is sent a
-- one-time set-up code to choose it"; "PIN reset issues a one-time code to the contact on file;
-- the code expires"). A code is stored only as the SHA-256 of the high-entropy code; times are
-- unix seconds. Issuing a new code supersedes the party's older unused codes of the same purpose.
CREATE TABLE one_time_codes (
  id INTEGER PRIMARY KEY,
  party_id INTEGER NOT NULL REFERENCES parties(id),
  purpose TEXT NOT NULL CHECK (purpose IN ('set_up', 'reset')),
  code_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  superseded_at INTEGER
);
CREATE INDEX one_time_codes_party ON one_time_codes(party_id, purpose);

-- Notifications to a party, written in the same transaction as what caused them. Stands in for
-- GOV.UK Notify (email, sms) and the letters run; delivering them is not done yet (docs).
-- `recipient` is the contact on file the notification goes to (an email address, a phone number,
-- or a postal address on one line); it and `body` go only to that party.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
  recipient TEXT NOT NULL,
  template TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX outbox_case ON outbox(case_id, id);
