-- The draft revision last frozen into a version: publishing the same revision twice (a double
-- click, a retried request) is refused instead of producing two identical versions.
ALTER TABLE drafts ADD COLUMN published_revision integer;
