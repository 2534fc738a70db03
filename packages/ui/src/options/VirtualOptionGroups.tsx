/**
 * Option groups as one windowed list, for packages with thousands of options (a 6,500-option
 * feature model has 1,165 groups): only the rows in view, plus a margin, are in the document, so a
 * new configuration re-renders a few dozen rows, not every option. Rows are a group heading followed
 * by its choices (the same `OptionChoice` as `OptionGroup`); heights are measured, so long names and
 * descriptions wrap freely.
 *
 * Keyboard: every rendered choice is in the tab order; moving focus scrolls the list (the browser
 * brings the focused input into view), which renders the next rows before Tab reaches them. Radios of
 * one group share a name, so the arrow keys move within the group's rendered choices.
 *
 * Windowing is @tanstack/react-virtual's (maintained; the same family as the app's query cache).
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import { useId, useMemo, useRef } from "react";
import type { Choice } from "./choice.ts";
import { awaitingNote, cardinality, OptionChoice } from "./OptionGroup.tsx";

export interface VirtualGroup {
  id: string;
  name: string;
  min?: number;
  max?: number;
  choices: readonly Choice[];
  /** The option the group is nested under, when it is not picked (see `OptionGroup`'s `awaiting`). */
  awaiting?: string | undefined;
}

export interface VirtualOptionGroupsProps {
  groups: readonly VirtualGroup[];
  onToggle: (id: string) => void;
  /** Accessible name of the list, e.g. "Options of Enterprise". */
  label: string;
  /** Height of the scrolling list (CSS length). */
  height?: string;
}

type Row =
  | { kind: "group"; group: VirtualGroup }
  | { kind: "awaiting"; group: VirtualGroup }
  | { kind: "option"; group: VirtualGroup; choice: Choice };

export function VirtualOptionGroups({ groups, onToggle, label, height = "70vh" }: VirtualOptionGroupsProps) {
  const baseId = useId();
  const rows = useMemo(() => {
    const out: Row[] = [];
    for (const group of groups) {
      out.push({ kind: "group", group });
      if (group.awaiting !== undefined) out.push({ kind: "awaiting", group });
      else for (const choice of group.choices) out.push({ kind: "option", group, choice });
    }
    return out;
  }, [groups]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]!.kind === "group" ? 40 : 48),
    getItemKey: (i) => {
      const row = rows[i]!;
      return row.kind === "option" ? `o:${row.choice.id}` : `${row.kind[0]}:${row.group.id}`;
    },
    overscan: 12,
  });
  const options = groups.reduce((n, g) => n + g.choices.length, 0);
  return (
    <section
      ref={scroller}
      className="ts-virtual"
      aria-label={label}
      data-rows={rows.length}
      style={{ height }}
    >
      <p className="ts-visually-hidden">
        {options.toLocaleString("en-US")} options in {groups.length.toLocaleString("en-US")} groups; the list
        scrolls.
      </p>
      <div className="ts-virtual__inner" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const radio = row.group.min === 1 && row.group.max === 1;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtual.measureElement}
              className="ts-virtual__row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.kind === "group" ? (
                <h3 className="ts-virtual__group">
                  {row.group.name}{" "}
                  <span className="ts-group__rule">({cardinality(row.group.min ?? 0, row.group.max)})</span>
                </h3>
              ) : row.kind === "awaiting" ? (
                <p className="ts-hint">{awaitingNote(row.group.awaiting!, row.group.choices.length)}</p>
              ) : (
                <OptionChoice
                  choice={row.choice}
                  inputId={`${baseId}-${row.choice.id}`}
                  radioName={radio ? `${baseId}-${row.group.id}` : undefined}
                  onToggle={onToggle}
                />
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
