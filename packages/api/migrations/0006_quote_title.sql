-- Quotes are listed and printed by name: a title (the quote's own, or the customer and package
-- names) and the name of the package quoted, both set when the quote is saved. Older rows keep ''
-- and are named from their document.
ALTER TABLE quotes ADD COLUMN title text NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN package_name text NOT NULL DEFAULT '';
