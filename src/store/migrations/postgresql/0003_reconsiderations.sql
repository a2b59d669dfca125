-- Reconsiderations and appeals: the reasons given for a late request (SI 2012/2677 reg 15;
-- SI 2008/2685 r 22(8)) and the tribunal's reasons. 0001 created both tables.
-- (PostgreSQL twin of sqlite/0003_reconsiderations.sql.)
ALTER TABLE reconsiderations ADD COLUMN late_reasons TEXT;
ALTER TABLE appeals ADD COLUMN late_reasons TEXT;
ALTER TABLE appeals ADD COLUMN outcome_reasons TEXT;
