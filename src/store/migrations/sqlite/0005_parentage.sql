-- Parentage disputes (service.md §1 "Parentage", rules.md §9.2): the alleged paying parent's
-- denial, whether parentage is presumed (and on what basis), a DNA test ordered (no fee: the
-- service does not publish one) and the outcome.
CREATE TABLE parentage_disputes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  disputed_on TEXT NOT NULL,
  presumed INTEGER NOT NULL,
  presumption_basis TEXT,
  notes TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  dna_test_ordered_on TEXT,
  dna_paid_by TEXT,
  outcome TEXT CHECK (outcome IN ('established', 'disproved')),
  outcome_on TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX parentage_disputes_case ON parentage_disputes(case_id, id);
