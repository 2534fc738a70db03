/**
 * A package's option groups: each group's name, id, how many picks it takes, and the option it is
 * shown under (a nested group applies only when that option is picked); each option's name, id,
 * description, the service it delivers, whether it is picked by default or always on, and its
 * status (a retired option stays in published quotes but cannot be picked). Groups and options
 * are added, reordered, duplicated and deleted here; a group keeps at least one option, as the
 * schema requires.
 */
import { renameId } from "@tessera/engine";
import type { Catalog, Option, OptionGroup, Package } from "@tessera/schema";
import { useId, useState } from "react";
import { type Path, pointer } from "./docEdit.ts";
import { Fold, useFolds } from "./Fold.tsx";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { IdField } from "./IdField.tsx";
import { freshId } from "./ids.ts";
import { NewItemForm } from "./NewItemForm.tsx";
import { RowActions } from "./RowActions.tsx";

interface Props {
  doc: Catalog;
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

function OptionRow({
  doc,
  option,
  path,
  set,
  readOnly,
  taken,
}: {
  doc: Catalog;
  option: Option;
  path: Path;
  set: Props["set"];
  readOnly: boolean;
  taken: ReadonlySet<string>;
}) {
  const id = useId();
  return (
    <tr data-pointer={pointer(path)}>
      <td style={{ minWidth: "13rem" }}>
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
        <IdField
          label={`Id of option ${option.name}`}
          compact
          id={option.id}
          pointer={pointer([...path, "id"])}
          taken={taken}
          readOnly={readOnly}
          onRename={(to) => set([], renameId(doc, option.id, to))}
        />
        <label className="ts-visually-hidden" htmlFor={`${id}-description`}>
          What picking {option.name} means
        </label>
        <input
          id={`${id}-description`}
          className="ts-input"
          placeholder="What picking it means"
          value={option.description ?? ""}
          readOnly={readOnly}
          data-pointer={pointer([...path, "description"])}
          onChange={(e) => set([...path, "description"], e.target.value || undefined)}
        />
      </td>
      <td>
        <select
          className="ts-select"
          style={{ width: "10rem" }}
          aria-label={`Service ${option.name} delivers`}
          value={option.service ?? ""}
          disabled={readOnly}
          data-pointer={pointer([...path, "service"])}
          onChange={(e) => set([...path, "service"], e.target.value || undefined)}
        >
          <option value="">none</option>
          {doc.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
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
        <input
          type="checkbox"
          aria-label={`${option.name} is always on`}
          checked={option.mandatory === true}
          disabled={readOnly}
          data-pointer={pointer([...path, "mandatory"])}
          onChange={(e) => set([...path, "mandatory"], e.target.checked ? true : undefined)}
        />
      </td>
      <td>
        <select
          className="ts-select"
          style={{ width: "7.5rem" }}
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
      {!readOnly ? (
        <td>
          <RowActions doc={doc} path={path} name={`option ${option.name}`} set={set} minItems={1} compact />
        </td>
      ) : null}
    </tr>
  );
}

function GroupEditor({ doc, pkg, at, set, readOnly, taken, j }: Props & { j: number }) {
  const groups = pkg.optionGroups ?? [];
  const g = groups[j] as OptionGroup;
  const p = (...rest: (string | number)[]) => pointer([...at, ...rest]);
  const parents = groups
    .filter((other) => other.id !== g.id)
    .flatMap((other) => other.options.map((o) => ({ value: o.id, label: `${other.name}: ${o.name}` })));
  return (
    <fieldset className="ts-group" data-pointer={p("optionGroups", j)}>
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
          onChange={(v) =>
            set([...at, "optionGroups", j, "min"], v === undefined ? undefined : Math.max(0, v))
          }
        />
        <NumberField
          label="Max picks"
          pointer={p("optionGroups", j, "max")}
          value={g.max}
          readOnly={readOnly}
          hint="Empty: all of them."
          onChange={(v) =>
            set([...at, "optionGroups", j, "max"], v === undefined ? undefined : Math.max(1, v))
          }
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
      <div className="ts-row" style={{ alignItems: "flex-start" }}>
        <IdField
          label="Group id"
          id={g.id}
          pointer={p("optionGroups", j, "id")}
          taken={taken}
          readOnly={readOnly}
          onRename={(to) => set([], renameId(doc, g.id, to))}
        />
        {!readOnly ? (
          <div style={{ marginLeft: "auto" }}>
            <RowActions doc={doc} path={[...at, "optionGroups", j]} name={`group ${g.name}`} set={set} />
          </div>
        ) : null}
      </div>
      <table className="ts-table" aria-label={`Options of ${g.name}`}>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Delivers</th>
            <th scope="col">Default</th>
            <th scope="col">Always on</th>
            <th scope="col">Status</th>
            {!readOnly ? (
              <th scope="col">
                <span className="ts-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {g.options.map((o, k) => (
            <OptionRow
              key={o.id}
              doc={doc}
              option={o}
              path={[...at, "optionGroups", j, "options", k]}
              set={set}
              readOnly={readOnly}
              taken={taken}
            />
          ))}
        </tbody>
      </table>
      {!readOnly ? (
        <NewItemForm
          title={`Add an option to ${g.name}`}
          nameLabel={`New option of ${g.name}`}
          idLabel={`Option id (in ${g.name})`}
          submitLabel="Add option"
          taken={taken}
          prefix={g.id}
          onCreate={(id, name) => set([...at, "optionGroups", j, "options"], [...g.options, { id, name }])}
        />
      ) : null}
    </fieldset>
  );
}

export function OptionGroupsEditor(props: Props) {
  const { pkg, at, set, readOnly, taken } = props;
  const groups = pkg.optionGroups ?? [];
  const [firstOption, setFirstOption] = useState("");
  const folds = useFolds();
  return (
    <section className="ts-card" aria-labelledby="pkg-options">
      <h2 id="pkg-options">Option groups</h2>
      {groups.length === 0 ? <p className="ts-hint">No options: the package is sold as it is.</p> : null}
      {groups.map((g, j) => (
        <Fold
          key={g.id}
          id={g.id}
          pointer={pointer([...at, "optionGroups", j])}
          open={folds.isOpen(g.id, groups.length === 1)}
          onToggle={folds.set}
          summary={
            <>
              <strong>{g.name}</strong>{" "}
              <span className="ts-hint">
                pick {g.min ?? 0}–{g.max ?? g.options.length} of {g.options.length}:{" "}
                {g.options.map((o) => o.name).join(", ")}
              </span>
            </>
          }
        >
          <GroupEditor {...props} j={j} />
        </Fold>
      ))}
      {!readOnly ? (
        <NewItemForm
          title="Add an option group"
          nameLabel="New option group"
          idLabel="Group id"
          submitLabel="Add group"
          taken={taken}
          prefix={pkg.id}
          ready={firstOption.trim() !== ""}
          onCreate={(id, name) => {
            const optionId = freshId(firstOption, new Set([...taken, id]), id);
            set(
              [...at, "optionGroups"],
              [
                ...groups,
                { id, name, min: 0, max: 1, options: [{ id: optionId, name: firstOption.trim() }] },
              ],
            );
            setFirstOption("");
            folds.set(id, true);
          }}
        >
          <TextField
            label="Its first option"
            pointer=""
            value={firstOption}
            onChange={setFirstOption}
            hint="A group has at least one option."
          />
        </NewItemForm>
      ) : null}
    </section>
  );
}
