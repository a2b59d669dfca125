-- Secure messages between a parent and the service (service.md §9). A message belongs to one
-- party of one case: the other parent never sees it.
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER NOT NULL REFERENCES parties(id),
  direction TEXT NOT NULL CHECK (direction IN ('to_service', 'to_parent')),
  body TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  sent_by TEXT NOT NULL
);
CREATE INDEX messages_case_party ON messages(case_id, party_id, id);
