-- Documents uploaded to a case by a parent or a caseworker (service.md §9). The bytes live in a
-- directory outside anything the server serves, named only by `storage_name`; this row is written
-- in the request's transaction once the file is safely on disk. A parent sees only the documents
-- their own party uploaded (party_id); a caseworker's uploads have no party.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  party_id INTEGER REFERENCES parties(id),
  uploaded_by TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  sha256 TEXT NOT NULL,
  storage_name TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  description TEXT,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX documents_case_party ON documents(case_id, party_id, id);
