/**
 * The bands of one price point: tiers (tiered, volume, usage: from, up to, rate, flat amount) or
 * stairstep steps (up to, amount). Adding a band closes the open last one.
 */
import type { Step, Tier } from "@tessera/schema";
import type { ChangeEvent, ReactNode } from "react";
import { type Path, pointer } from "./docEdit.ts";

type Set = (path: Path, value: unknown) => void;

/** The tiers with one more band: the open last band gets a bound, the new one is open. */
export function withTier(tiers: readonly Tier[]): Tier[] {
  const last = tiers.at(-1);
  const from = last?.upTo ?? (last ? last.from + 10 : 0);
  const closed = last && last.upTo == null ? [...tiers.slice(0, -1), { ...last, upTo: from }] : [...tiers];
  return [...closed, { from, unitAmount: last?.unitAmount ?? "0" }];
}

/** The steps with one more: the open last step gets a bound, the new one is open. */
export function withStep(steps: readonly Step[]): Step[] {
  const last = steps.at(-1);
  const prev = steps.at(-2)?.upTo ?? 0;
  const closed =
    last && last.upTo === null ? [...steps.slice(0, -1), { ...last, upTo: prev + 10 }] : [...steps];
  return [...closed, { upTo: null, amount: last?.amount ?? "0" }];
}

const intOrUndefined = (v: string, n: number) => (v === "" ? undefined : Math.max(0, Math.trunc(n || 0)));

/** One cell's input: a whole number (`min` set) or a decimal amount. */
function BandInput({
  label,
  at,
  value,
  min,
  placeholder,
  readOnly,
  onChange,
}: {
  label: string;
  at: Path;
  value: string | number;
  min?: number;
  placeholder?: string;
  readOnly: boolean;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <input
      aria-label={label}
      className="ts-input"
      style={{ width: "7rem" }}
      {...(min === undefined ? { inputMode: "decimal" as const } : { type: "number", min })}
      placeholder={placeholder}
      data-pointer={pointer(at)}
      value={value}
      readOnly={readOnly}
      onChange={onChange}
    />
  );
}

/**
 * The table both editors share: a header, one row of cells per band with a remove button (while
 * more than one band is left), and "Add …" below.
 */
function BandTable<B>({
  label,
  noun,
  columns,
  bands,
  path,
  set,
  readOnly,
  cells,
  added,
}: {
  label: string;
  noun: string;
  columns: readonly string[];
  bands: readonly B[];
  path: Path;
  set: Set;
  readOnly: boolean;
  cells: (band: B, k: number) => ReactNode[];
  added: (bands: readonly B[]) => B[];
}) {
  return (
    <table className="ts-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">
            <span className="ts-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {bands.map((b, k) => (
          <tr key={k} data-pointer={pointer([...path, k])}>
            {cells(b, k).map((cell, c) => (
              <td key={columns[c]}>{cell}</td>
            ))}
            <td>
              {!readOnly && bands.length > 1 ? (
                <button
                  type="button"
                  className="ts-button ts-button--small"
                  aria-label={`Remove ${noun} ${k + 1}`}
                  onClick={() =>
                    set(
                      path,
                      bands.filter((_, i) => i !== k),
                    )
                  }
                >
                  ×
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
      {!readOnly ? (
        <tfoot>
          <tr>
            <td colSpan={columns.length + 1}>
              <button
                type="button"
                className="ts-button ts-button--small"
                onClick={() => set(path, added(bands))}
              >
                Add {noun}
              </button>
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

export function TiersEditor({
  tiers,
  path,
  set,
  readOnly,
}: {
  tiers: Tier[];
  path: Path;
  set: Set;
  readOnly: boolean;
}) {
  return (
    <BandTable
      label="Tiers"
      noun="tier"
      columns={["From (above)", "Up to", "Unit amount", "Flat amount"]}
      bands={tiers}
      path={path}
      set={set}
      readOnly={readOnly}
      added={withTier}
      cells={(t, k) => [
        <BandInput
          key="from"
          label={`Tier ${k + 1} from`}
          at={[...path, k, "from"]}
          min={0}
          value={t.from}
          readOnly={readOnly}
          onChange={(e) => set([...path, k, "from"], Math.max(0, Math.trunc(e.target.valueAsNumber || 0)))}
        />,
        <BandInput
          key="upTo"
          label={`Tier ${k + 1} up to`}
          at={[...path, k, "upTo"]}
          min={1}
          placeholder="no limit"
          value={t.upTo ?? ""}
          readOnly={readOnly}
          onChange={(e) => set([...path, k, "upTo"], intOrUndefined(e.target.value, e.target.valueAsNumber))}
        />,
        <BandInput
          key="unit"
          label={`Tier ${k + 1} unit amount`}
          at={[...path, k, "unitAmount"]}
          value={t.unitAmount}
          readOnly={readOnly}
          onChange={(e) => set([...path, k, "unitAmount"], e.target.value.trim())}
        />,
        <BandInput
          key="flat"
          label={`Tier ${k + 1} flat amount`}
          at={[...path, k, "flatAmount"]}
          value={t.flatAmount ?? ""}
          readOnly={readOnly}
          onChange={(e) => set([...path, k, "flatAmount"], e.target.value.trim() || undefined)}
        />,
      ]}
    />
  );
}

export function StepsEditor({
  steps,
  path,
  set,
  readOnly,
}: {
  steps: Step[];
  path: Path;
  set: Set;
  readOnly: boolean;
}) {
  return (
    <BandTable
      label="Steps"
      noun="step"
      columns={["Up to", "Amount"]}
      bands={steps}
      path={path}
      set={set}
      readOnly={readOnly}
      added={withStep}
      cells={(s, k) => [
        <BandInput
          key="upTo"
          label={`Step ${k + 1} up to`}
          at={[...path, k, "upTo"]}
          min={0}
          placeholder="no limit"
          value={s.upTo ?? ""}
          readOnly={readOnly}
          onChange={(e) =>
            set([...path, k, "upTo"], intOrUndefined(e.target.value, e.target.valueAsNumber) ?? null)
          }
        />,
        <BandInput
          key="amount"
          label={`Step ${k + 1} amount`}
          at={[...path, k, "amount"]}
          value={s.amount}
          readOnly={readOnly}
          onChange={(e) => set([...path, k, "amount"], e.target.value.trim())}
        />,
      ]}
    />
  );
}
