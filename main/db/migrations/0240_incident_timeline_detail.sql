-- An incident timeline entry as data (template key + parameters, JSON) so the console words it in its
-- language; the stored text stays the Chinese record (report PDF, older consoles).
-- NULL on entries written before, and on free notes, which are the user's own words.
ALTER TABLE incident_timeline ADD COLUMN detail TEXT;
