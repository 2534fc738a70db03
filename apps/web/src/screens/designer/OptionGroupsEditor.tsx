/**
 * A package's option groups: each group's name, how many picks it takes, and the option it is shown
 * under (a nested group applies only when that option is picked); each option's name, whether it is
 * picked by default, and its status (a retired option stays in published quotes but cannot be
 * picked). Groups and options are added and removed here; a group keeps at least one option, as
 * the schema requires.
 */
import type { Option, OptionGroup, Package } from "@tessera/schema";
import { useId, useState } from "react";
import { type Path, pointer } from "./docEdit.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";

interface Props {
  pkg: Package;
  /** Path of the package in the catalog document. */
  at: Path;
  set: (path: Path, value: unknown) => void;
  readOnly: boolean;
  /** Every id of the catalog: a new group or option gets one that is none of them. */
  taken: ReadonlySet<string>;
}

const STATUSES = [
  { value: "active", label: "active" },
  { value: "draft", label: "draft (not sold yet)" },
  { value: "retired", label: "retired (no longer sold)" },
];

/** An id for something new, from its name, not already among `taken`. */
function freshId(prefix: string, name: string, taken: ReadonlySet<string>): string {
  const slug = `${prefix}-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}`.slice(0, 72);
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}

function OptionRow({
  option,
  path,
  set,
  readOnly,
  removable,
  onRemove,
}: {
  option: Option;
  path: Path;
  set: Props["set"];
  readOnly: boolean;
  removable: boolean;
  onRemove: () => void;
}) {
  const id = useId();
  return (
    <tr data-pointer={pointer(path)}>
      <td>
        <label className="ts-visually-hidden" htmlFor={`${id}-name`}>
          Name of option {option.id}
        </label>
        <input
          id={`${id}-name`}
          className="ts-input"
          value={option.name}
          readOnly={readOnly}
          data-pointer={pointer([...path, "name"])}
          onChange={(e) => set([...path, "name"], e.target.value)}
        />
        <div className="ts-hint">{option.id}</div>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`${option.name} is picked by default`}
          checked={option.default === true}
          disabled={readOnly}
          data-pointer={pointer([...path, "default"])}
          onChange={(e) => set([...path, "default"], e.target.checked ? true : undefined)}
        />
      </td>
      <td>
        <select
          className="ts-select"
          aria-label={`Status of ${option.name}`}
          value={option.status ?? "active"}
          disabled={readOnly}
          data-pointer={pointer([...path, "status"])}
          onChange={(e) => set([...path, "status"], e.target.value === "active" ? undefined : e.target.value)}
        >
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        {!readOnly ? (
          <button
            type="button"
            className="ts-button ts-button--small"
            aria-label={`Remove option ${option.name}`}
            disabled={!removable}
            title={removable ? undefined : "A group keeps at least one option; remove the group instead."}
            onClick={onRemove}
          >
            Remove
          </button>
        ) : null}
      </td>
    </tr>
  );
}

export function OptionGroupsEditor({ pkg, at, set, readOnly, taken }: Props) {
  const groups = pkg.optionGroups ?? [];
  const [newGroup, setNewGroup] = useState("");
  const [newOption, setNewOption] = useState<Record<string, string>>({});
  const formId = useId();
  const p = (...rest: (string | number)[]) => pointer([...at, ...rest]);
  const setGroups = (next: OptionGroup[]) => set([...at, "optionGroups"], next.length > 0 ? next : undefined);

  return (
    <section className="ts-card" aria-labelledby="pkg-options">
      <h2 id="pkg-options">Option groups</h2>
      {groups.length === 0 ? <p className="ts-hint">No options: the package is sold as it is.</p> : null}
      {groups.map((g, j) => {
        const parents = groups
          .filter((other) => other.id !== g.id)
          .flatMap((other) => other.options.map((o) => ({ value: o.id, label: `${other.name}: ${o.name}` })));
        const optionName = newOption[g.id] ?? "";
        return (
          <fieldset key={g.id} className="ts-group" data-pointer={p("optionGroups", j)}>
            <legend>
              {g.name}{" "}
              <span className="ts-group__rule">
                pick {g.min ?? 0}–{g.max ?? g.options.length}
                {g.parentOption
                  ? `, shown when ${parents.find((x) => x.value === g.parentOption)?.label ?? g.parentOption} is picked`
                  : ""}
              </span>
            </legend>
            <div className="grid-4">
              <TextField
                label="Group name"
                pointer={p("optionGroups", j, "name")}
                value={g.name}
                readOnly={readOnly}
                onChange={(v) => set([...at, "optionGroups", j, "name"], v)}
              />
              <NumberField
                label="Min picks"
                pointer={p("optionGroups", j, "min")}
                value={g.min}
                readOnly={readOnly}
                onChange={(v) => set([...at, "optionGroups", j, "min"], v)}
              />
              <NumberField
                label="Max picks"
                pointer={p("optionGroups", j, "max")}
                value={g.max}
                readOnly={readOnly}
                onChange={(v) => set([...at, "optionGroups", j, "max"], v)}
              />
              <SelectField
                label="Shown when picked"
                pointer={p("optionGroups", j, "parentOption")}
                hint="A nested group applies only under this option."
                value={g.parentOption ?? ""}
                options={[{ value: "", label: "always (top level)" }, ...parents]}
                readOnly={readOnly}
                onChange={(v) => set([...at, "optionGroups", j, "parentOption"], v || undefined)}
              />
            </div>
            <table className="ts-table" aria-label={`Options of ${g.name}`}>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col">Default</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="ts-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {g.options.map((o, k) => (
                  <OptionRow
                    key={o.id}
                    option={o}
                    path={[...at, "optionGroups", j, "options", k]}
                    set={set}
                    readOnly={readOnly}
                    removable={g.options.length > 1}
                    onRemove={() =>
                      set(
                        [...at, "optionGroups", j, "options"],
                        g.options.filter((_, i) => i !== k),
                      )
                    }
                  />
                ))}
              </tbody>
            </table>
            {!readOnly ? (
              <div className="ts-row" style={{ marginTop: "0.5rem" }}>
                <form
                  className="ts-row"
                  aria-label={`Add an option to ${g.name}`}
                  onSubmit={(e) => {
                    e.preventDefault();
                    const name = optionName.trim();
                    if (!name) return;
                    set(
                      [...at, "optionGroups", j, "options"],
                      [...g.options, { id: freshId(g.id, name, taken), name }],
                    );
                    setNewOption((s) => ({ ...s, [g.id]: "" }));
                  }}
                >
                  <label className="ts-visually-hidden" htmlFor={`${formId}-${g.id}`}>
                    New option of {g.name}
                  </label>
                  <input
                    id={`${formId}-${g.id}`}
                    className="ts-input"
                    placeholder="New option name"
                    value={optionName}
                    onChange={(e) => setNewOption((s) => ({ ...s, [g.id]: e.target.value }))}
                  />
                  <button type="submit" className="ts-button ts-button--small" disabled={!optionName.trim()}>
                    Add option
                  </button>
                </form>
                <button
                  type="button"
                  className="ts-button ts-button--small ts-button--danger"
                  aria-label={`Remove group ${g.name}`}
                  onClick={() =>
                    setGroups(
                      groups
                        .filter((_, i) => i !== j)
                        // Groups shown under this group's options go back to the top level.
                        .map((other) =>
                          g.options.some((o) => o.id === other.parentOption)
                            ? (({ parentOption: _p, ...rest }) => rest)(other)
                            : other,
                        ),
                    )
                  }
                >
                  Remove group
                </button>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      {!readOnly ? (
        <form
          className="ts-row"
          aria-label="Add an option group"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newGroup.trim();
            if (!name) return;
            const id = freshId(pkg.id, name, taken);
            setGroups([
              ...groups,
              { id, name, min: 0, max: 1, options: [{ id: `${id}-option-1`, name: "Option 1" }] },
            ]);
            setNewGroup("");
          }}
        >
          <label className="ts-label" htmlFor={`${formId}-group`}>
            New option group
          </label>
          <input
            id={`${formId}-group`}
            className="ts-input"
            value={newGroup}
            onChange={(e) => setNewGroup(e.target.value)}
          />
          <button type="submit" className="ts-button" disabled={!newGroup.trim()}>
            Add group
          </button>
        </form>
      ) : null}
    </section>
  );
}
