-- The audit row's summary as data (template key + parameters, JSON) so the console renders it in its
-- language; NULL on rows written before (they show their stored text).
ALTER TABLE audit_log ADD COLUMN detail TEXT;
