import { useId } from "react";
import { Tooltip } from "../feedback/Tooltip.tsx";
import type { Choice } from "./choice.ts";

export interface OptionGroupProps {
  name: string;
  /** Fewest picks when the group applies (0 when absent). */
  min?: number;
  /** Most picks (unbounded when absent). Exactly 1..1 renders a radio choice. */
  max?: number;
  choices: readonly Choice[];
  /** Called when the user picks or unpicks an available or selected choice. */
  onToggle: (id: string) => void;
  /** What is wrong with the group now and what to change, e.g. "Pick one support level". */
  problem?: string;
  /**
   * The name of the option this group is nested under, when that option is not picked: the group
   * does not apply yet, so its choices are folded behind one line saying what to pick first.
   */
  awaiting?: string | undefined;
}

/** The line a nested group shows while the option it belongs to is not picked. */
export function awaitingNote(parent: string, count: number): string {
  return `Comes with “${parent}”: pick it to choose from ${count === 1 ? "this option" : `these ${count} options`}.`;
}

export function cardinality(min: number, max: number | undefined): string {
  if (max === undefined) return min > 0 ? `pick at least ${min}` : "pick any";
  if (min === max) return `pick ${min}`;
  return `pick ${min}–${max}`;
}

/**
 * One option group as radios or checkboxes. Disabled and required choices stay focusable
 * (aria-disabled, not disabled) so keyboard users reach them and hear why. A `switch` choice is an
 * ordinary unchecked choice: clicking it, or moving to it with the arrow keys in a radio group,
 * picks it in place of the current pick.
 */
export function OptionGroup({ name, min = 0, max, choices, onToggle, problem, awaiting }: OptionGroupProps) {
  const groupId = useId();
  const radio = min === 1 && max === 1;
  const problemId = `${groupId}-problem`;
  return (
    <fieldset className="ts-group" aria-describedby={problem ? problemId : undefined}>
      <legend>
        {name}
        <span className="ts-group__rule">({cardinality(min, max)})</span>
      </legend>
      {problem ? (
        <p id={problemId} className="ts-alert ts-alert--warn" role="status">
          {problem}
        </p>
      ) : null}
      {awaiting !== undefined ? (
        <p className="ts-hint">{awaitingNote(awaiting, choices.length)}</p>
      ) : (
        <div className="ts-group__options">
          {choices.map((choice) => (
            <OptionChoice
              key={choice.id}
              choice={choice}
              inputId={`${groupId}-${choice.id}`}
              radioName={radio ? groupId : undefined}
              onToggle={onToggle}
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}

export interface OptionChoiceProps {
  choice: Choice;
  /** Unique id of the input (the reason's tooltip id derives from it). */
  inputId: string;
  /** The radio group's name when the choice is one of a pick-one group; a checkbox otherwise. */
  radioName?: string | undefined;
  onToggle: (id: string) => void;
}

/**
 * One choice: its input, name, state badge, description and price hint, with the reason as a
 * tooltip. Disabled and required choices stay focusable (aria-disabled) so keyboard users hear why.
 */
export function OptionChoice({ choice, inputId, radioName, onToggle }: OptionChoiceProps) {
  const reasonId = `${inputId}-reason`;
  const locked = choice.state === "disabled" || choice.state === "required";
  const checked = choice.state === "selected" || choice.state === "required";
  const option = (
    <label htmlFor={inputId} className="ts-option" data-state={choice.state}>
      <input
        id={inputId}
        type={radioName !== undefined ? "radio" : "checkbox"}
        name={radioName}
        checked={checked}
        aria-disabled={locked ? true : undefined}
        aria-describedby={choice.reason ? reasonId : undefined}
        onChange={() => {
          if (!locked) onToggle(choice.id);
        }}
      />
      <span className="ts-option__body">
        <span className="ts-option__name">
          {choice.name}{" "}
          {choice.state === "required" ? <span className="ts-badge ts-badge--ok">required</span> : null}
          {choice.state === "disabled" ? <span className="ts-badge">unavailable</span> : null}
        </span>
        {choice.description ? <span className="ts-option__desc">{choice.description}</span> : null}
        {choice.priceHint ? <span className="ts-option__desc">{choice.priceHint}</span> : null}
      </span>
    </label>
  );
  return choice.reason ? (
    <Tooltip id={reasonId} text={choice.reason}>
      {option}
    </Tooltip>
  ) : (
    option
  );
}
