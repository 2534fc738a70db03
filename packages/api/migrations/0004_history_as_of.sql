-- The date a move was made as of (the path explorer's "as of" date, or the day a quote was
-- accepted), so the history shows when a move applies in the customer's timeline, not only when
-- someone pressed the button. Rows written before this migration have none.
ALTER TABLE arrangement_history ADD COLUMN as_of text;
