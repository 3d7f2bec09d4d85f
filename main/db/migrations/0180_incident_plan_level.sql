-- The plan level an incident runs on, as it was when the level took effect
-- (activation, level change): JSON {checklist, notify, reports, presetViewId}. An administrator's later
-- edit of the plan applies from the incident's next level change; until then its 续报 interval, the
-- notify list and the wall's preset view stay what they were. NULL: no plan, or from before this column.
ALTER TABLE incidents ADD COLUMN plan_level TEXT;
