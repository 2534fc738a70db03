/**
 * Ids of new things in the designer: derived from the name the designer types, valid by the
 * schema's pattern (lower-case letters, digits, '-', '_', '.', starting with a letter or digit, at
 * most 80 characters), and unique across the catalog. A hand-typed id is checked the same way and
 * refused with the reason.
 */

/** The schema's `Id` pattern (catalog.schema.json#/$defs/Id). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,79}$/;

/**
 * What a list or a heading shows for a thing: its name, or its id marked "(no name)" while the
 * name is blank, so a package whose name was cleared is still there to find and fix.
 */
export function shownName(name: string | undefined, id: string): string {
  return name?.trim() || `${id} (no name)`;
}

/**
 * The id a name suggests: lower-cased, accents dropped, every run of other characters a single
 * '-', trimmed to 80 characters ("SSO & SCIM" → "sso-scim", "Équipe" → "equipe"). Empty when the
 * name has no letter or digit.
 */
export function slugOf(name: string, prefix = ""): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!slug) return "";
  const full = prefix ? `${prefix}-${slug}` : slug;
  return full.slice(0, 80).replace(/-+$/, "");
}

/**
 * A fresh id for something named `name`: its slug (after `prefix`), with "-2", "-3"… appended
 * when the slug is taken. Falls back to `prefix` (or "item") when the name has no letter or digit.
 */
export function freshId(name: string, taken: ReadonlySet<string>, prefix = ""): string {
  const base = (slugOf(name, prefix) || prefix || "item").slice(0, 76).replace(/-+$/, "");
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Why `id` cannot be the id of a new thing (or of a renamed one), in a sentence a product manager
 * understands; undefined when it can. `taken` holds the ids already in use (without the thing's
 * own id when it is being renamed); `usedBy` says where ("by another catalog").
 */
export function idProblem(
  id: string,
  taken: ReadonlySet<string>,
  usedBy = "in this catalog; ids are unique across it",
): string | undefined {
  if (id === "") return "Give it an id.";
  if (id.length > 80) return `An id has at most 80 characters; this one has ${id.length}.`;
  if (/[A-Z]/.test(id)) return "An id uses lower-case letters only.";
  if (!/^[a-z0-9]/.test(id)) return "An id starts with a letter or a digit.";
  const bad = [...id].find((c) => !/[a-z0-9_.-]/.test(c));
  if (bad !== undefined)
    return `An id may use letters, digits, '-', '_' and '.'; “${bad === " " ? "a space" : bad}” is not allowed.`;
  if (taken.has(id)) return `The id “${id}” is already used ${usedBy}.`;
  return undefined;
}
