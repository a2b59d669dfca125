-- The service's schema. Money is INTEGER pence; dates are TEXT YYYY-MM-DD; times TEXT ISO 8601 UTC.
-- Postings are never updated or deleted (triggers below enforce it).

CREATE TABLE tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,          -- hex SHA-256 of the bearer token; the token is never stored
  role TEXT NOT NULL CHECK (role IN ('caseworker', 'team_leader', 'auditor')),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  ghacm_reference TEXT NOT NULL UNIQUE,
  received_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('case_created', 'clerical_incident', 'tracing', 'refused')),
  uri TEXT UNIQUE,
  case_id INTEGER REFERENCES cases(id),
  fee_pence INTEGER NOT NULL,
  body TEXT NOT NULL,                       -- the application as received (JSON)
  created_at TEXT NOT NULL
);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,           -- 12 digits, 121..., Luhn check digit
  status TEXT NOT NULL,
  collection TEXT NOT NULL CHECK (collection IN ('direct_pay', 'collect_and_pay')),
  payment_frequency TEXT NOT NULL CHECK (payment_frequency IN ('weekly', 'fortnightly', 'four_weekly', 'monthly')),
  fee_status TEXT NOT NULL CHECK (fee_status IN ('not_due', 'owed', 'paid', 'waived')),
  fee_pence INTEGER NOT NULL,
  fee_waiver_reason TEXT,
  application_id INTEGER,
  initial_effective_date TEXT,
  next_review_date TEXT,
  closed_on TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE parties (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  role TEXT NOT NULL CHECK (role IN ('receiving_parent', 'paying_parent', 'other_carer')),
  is_applicant INTEGER NOT NULL,
  name TEXT NOT NULL,
  date_of_birth TEXT,
  ni_number TEXT,
  address_line1 TEXT,
  address_town TEXT,
  address_postcode TEXT,
  phone TEXT,
  email TEXT,
  employer TEXT,
  bank_details TEXT,
  domestic_abuse INTEGER NOT NULL DEFAULT 0,
  pin_hash TEXT,                            -- Argon2id (libsodium crypto_pwhash_str)
  setup_code_hash TEXT,
  setup_code_expires_at TEXT
);
CREATE INDEX parties_case ON parties(case_id);
CREATE INDEX parties_ni ON parties(ni_number);

CREATE TABLE children (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  child_key TEXT NOT NULL,                  -- the id used in calculations and the API: c1, c2, ...
  name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  in_education_until TEXT,
  stopped_qualifying_on TEXT,
  UNIQUE (case_id, child_key)
);

CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,                       -- initial, supersession, revision, annual_review, tribunal
  effective_date TEXT NOT NULL,
  first_payment_date TEXT NOT NULL,
  weekly_pence INTEGER NOT NULL,            -- W: what the paying parent owes each week for this case
  previous_weekly_pence INTEGER NOT NULL,
  request TEXT NOT NULL,                    -- the full calc-contract request
  response TEXT NOT NULL,                   -- the full calc-contract response, steps included
  notified_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX decisions_case ON decisions(case_id, id);

CREATE TABLE postings (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,             -- unix seconds
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  reverses INTEGER REFERENCES postings(id),
  method TEXT,
  reference TEXT,
  recorded_by TEXT NOT NULL
);
CREATE INDEX postings_case ON postings(case_id, id);
CREATE UNIQUE INDEX postings_one_reversal ON postings(reverses) WHERE reverses IS NOT NULL;
CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings BEGIN
  SELECT RAISE(ABORT, 'postings are append-only');
END;
CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings BEGIN
  SELECT RAISE(ABORT, 'postings are append-only');
END;

CREATE TABLE idempotency (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  PRIMARY KEY (case_id, key)
);

CREATE TABLE work_items (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('clerical_incident', 'tracing', 'missed_payment', 'change_of_circumstances', 'document_review')),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  application_id INTEGER REFERENCES applications(id),
  case_id INTEGER REFERENCES cases(id),
  summary TEXT NOT NULL,
  created_at TEXT NOT NULL,
  closed_at TEXT
);

CREATE TABLE enforcement_actions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  taken_on TEXT NOT NULL,
  arrears_pence INTEGER NOT NULL,
  charge_pence INTEGER NOT NULL,
  charge_posting_id INTEGER REFERENCES postings(id),
  waiver_reason TEXT,
  created_by TEXT NOT NULL
);

CREATE TABLE reconsiderations (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  decision_id INTEGER NOT NULL REFERENCES decisions(id),
  requested_on TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  in_time INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  status TEXT NOT NULL,                     -- open, revised, upheld
  outcome_reasons TEXT,
  decided_on TEXT,
  new_decision_id INTEGER REFERENCES decisions(id)
);

CREATE TABLE appeals (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  reconsideration_id INTEGER NOT NULL REFERENCES reconsiderations(id),
  lodged_on TEXT NOT NULL,
  in_time INTEGER NOT NULL,
  status TEXT NOT NULL,                     -- lodged, allowed, dismissed
  outcome_on TEXT,
  new_decision_id INTEGER REFERENCES decisions(id)
);

CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER REFERENCES parties(id),
  received_on TEXT NOT NULL,
  summary TEXT NOT NULL,
  stage TEXT NOT NULL,                      -- resolution, review, ice, ombudsman
  status TEXT NOT NULL,                     -- open, acknowledged, answered, closed
  acknowledge_by TEXT NOT NULL,
  respond_by TEXT NOT NULL,
  acknowledged_on TEXT,
  answered_on TEXT,
  response TEXT
);

CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER REFERENCES parties(id),
  reported_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  details TEXT NOT NULL,                    -- JSON
  status TEXT NOT NULL,                     -- reported, applied, not_applied
  decision_id INTEGER REFERENCES decisions(id)
);

CREATE TABLE missed_payments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER REFERENCES parties(id),
  due_on TEXT NOT NULL,
  amount_pence INTEGER NOT NULL,
  reported_on TEXT NOT NULL,
  note TEXT
);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);

CREATE TABLE sign_in_attempts (
  case_reference TEXT NOT NULL,
  ni_number TEXT NOT NULL,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  PRIMARY KEY (case_reference, ni_number)
);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,                      -- "caseworker:3", "parent:12", "system"
  action TEXT NOT NULL,
  case_id INTEGER,
  detail TEXT NOT NULL                      -- JSON, never protected personal details
);
CREATE INDEX audit_case ON audit(case_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
