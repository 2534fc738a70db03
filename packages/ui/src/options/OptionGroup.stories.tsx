import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import type { Choice } from "./choice.ts";
import { OptionGroup } from "./OptionGroup.tsx";

const support: Choice[] = [
  { id: "std", name: "Standard support", description: "Business hours, 2-day response", state: "selected" },
  {
    id: "prio",
    name: "Priority support",
    description: "24/7, 4-hour response",
    state: "switch",
    priceHint: "+$20.00 / month",
  },
  {
    id: "tam",
    name: "Technical account manager",
    state: "disabled",
    reason: "Needs the Enterprise package (rule tam-enterprise-only with your pick Business).",
  },
];

const meta = {
  title: "Options/OptionGroup",
  component: OptionGroup,
  args: { name: "Support level", min: 1, choices: support, onToggle: fn() },
} satisfies Meta<typeof OptionGroup>;

export default meta;
type Story = StoryObj<typeof meta>;

export const RadioChoice: Story = {
  args: { max: 1 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("group", { name: /Support level/ })).toBeInTheDocument();
    await userEvent.click(canvas.getByLabelText(/Priority support/));
    await expect(args.onToggle).toHaveBeenCalledWith("prio");
  },
};

export const DisabledShowsWhyOnHoverAndFocus: Story = {
  args: { max: 1 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const tam = canvas.getByRole("radio", { name: /Technical account manager/ });
    await expect(tam).toHaveAttribute("aria-disabled", "true");
    await expect(tam).toHaveAccessibleDescription(/Needs the Enterprise package/);
    const tip = canvas.getByRole("tooltip", { hidden: true });
    await expect(tip).toHaveClass("ts-visually-hidden");
    // Keyboard users reach the disabled choice (arrow keys in the radio group) and see the reason;
    // Escape dismisses it; the selection does not move to it.
    await userEvent.tab();
    await expect(canvas.getByRole("radio", { name: /Standard support/ })).toHaveFocus();
    await userEvent.keyboard("{ArrowUp}");
    await expect(tam).toHaveFocus();
    await expect(tam).not.toBeChecked();
    await expect(tip).toHaveClass("ts-tip__bubble");
    await userEvent.keyboard("{Escape}");
    await expect(tip).toHaveClass("ts-visually-hidden");
    tam.blur();
    // Pointer users see it on hover.
    const label = canvas.getByText("Technical account manager");
    await userEvent.hover(label);
    await expect(tip).toHaveClass("ts-tip__bubble");
    await userEvent.unhover(label);
    await expect(tip).toHaveClass("ts-visually-hidden");
    // Clicking it changes nothing.
    await userEvent.click(tam);
    await expect(args.onToggle).not.toHaveBeenCalled();
    await expect(tam).not.toBeChecked();
    await expect(tip).toHaveTextContent(/rule tam-enterprise-only/);
  },
};

export const RequiredAndChecklist: Story = {
  args: {
    name: "Security",
    min: 0,
    choices: [
      { id: "sso", name: "Single sign-on", state: "selected" },
      {
        id: "audit",
        name: "Audit log",
        state: "required",
        reason: "Required by rule sso-needs-audit with your pick Single sign-on.",
      },
      { id: "ip", name: "IP allow-list", state: "available" },
    ],
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const audit = canvas.getByRole("checkbox", { name: /Audit log/ });
    await expect(audit).toBeChecked();
    await expect(audit).toHaveAccessibleDescription(/sso-needs-audit/);
    await userEvent.click(audit);
    await expect(args.onToggle).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole("checkbox", { name: /IP allow-list/ }));
    await expect(args.onToggle).toHaveBeenCalledWith("ip");
  },
};

export const WithProblem: Story = {
  args: {
    name: "Regions",
    min: 1,
    max: 2,
    problem: "Pick at least one region.",
    choices: [
      { id: "eu", name: "EU", state: "available" },
      { id: "us", name: "US", state: "available" },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("group", { name: /Regions/ })).toHaveAccessibleDescription(
      "Pick at least one region.",
    );
  },
};

/** A group nested under an option that is not picked folds to one line saying what to pick first. */
export const NestedUnderAnOptionNotPicked: Story = {
  args: {
    name: "EU hosting region",
    min: 1,
    max: 1,
    awaiting: "European Union",
    choices: [
      { id: "fra", name: "Frankfurt", state: "disabled", reason: "Needs European Union." },
      { id: "dub", name: "Dublin", state: "disabled", reason: "Needs European Union." },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const group = canvas.getByRole("group", { name: /EU hosting region/ });
    await expect(group).toHaveTextContent(
      "Comes with “European Union”: pick it to choose from these 2 options.",
    );
    await expect(canvas.queryByRole("radio")).toBeNull();
  },
};

/** Controlled: the story keeps the picks, the way the quote builder does with the engine. */
export const Interactive: Story = {
  render: (args) => {
    const [picked, setPicked] = useState<string[]>(["eu"]);
    const choices = ["eu", "us", "apac"].map<Choice>((id) => ({
      id,
      name: id.toUpperCase(),
      state: picked.includes(id) ? "selected" : "available",
    }));
    return (
      <OptionGroup
        {...args}
        name="Regions"
        min={0}
        max={3}
        choices={choices}
        onToggle={(id) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const us = canvas.getByRole("checkbox", { name: "US" });
    await userEvent.keyboard("{Tab}");
    await userEvent.click(us);
    await expect(us).toBeChecked();
    await userEvent.click(canvas.getByRole("checkbox", { name: "EU" }));
    await expect(canvas.getByRole("checkbox", { name: "EU" })).not.toBeChecked();
  },
};

/**
 * A pick-one group the way configure reports it: the pick is `selected`, the others `switch`
 * (picking one replaces the pick), and what a rule excludes `disabled`. Mouse and arrow keys both
 * switch; the arrow keys pass over the disabled choice's pick without taking it.
 */
export const SwitchInRadioGroup: Story = {
  render: (args) => {
    const [pick, setPick] = useState("std");
    const choices = [
      { id: "std", name: "Standard support" },
      { id: "prio", name: "Premium support" },
      { id: "tam", name: "Technical account manager" },
      { id: "premier", name: "Premier support" },
    ].map<Choice>((c) =>
      c.id === "tam"
        ? { ...c, state: "disabled", reason: "Disabled: rule `tam-enterprise-only` excludes it." }
        : { ...c, state: c.id === pick ? "selected" : "switch" },
    );
    return (
      <OptionGroup
        {...args}
        max={1}
        choices={choices}
        onToggle={(id) => {
          args.onToggle(id);
          setPick(id);
        }}
      />
    );
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const radio = (name: RegExp) => canvas.getByRole("radio", { name });
    // No reason on a switch: nothing excludes it.
    await expect(radio(/Premium support/)).not.toHaveAttribute("aria-disabled");
    await expect(radio(/Premium support/)).not.toHaveAccessibleDescription(/./);
    await userEvent.click(radio(/Premium support/));
    await expect(args.onToggle).toHaveBeenCalledWith("prio");
    await expect(radio(/Premium support/)).toBeChecked();
    await expect(radio(/Standard support/)).not.toBeChecked();
    // Arrow keys: up goes back to Standard and picks it.
    await userEvent.keyboard("{ArrowUp}");
    await expect(radio(/Standard support/)).toHaveFocus();
    await expect(radio(/Standard support/)).toBeChecked();
    await expect(args.onToggle).toHaveBeenLastCalledWith("std");
    // Down twice: over Premium to the disabled choice, which does not take the pick.
    await userEvent.keyboard("{ArrowDown}");
    await expect(radio(/Premium support/)).toBeChecked();
    await userEvent.keyboard("{ArrowDown}");
    await expect(radio(/Technical account manager/)).toHaveFocus();
    await expect(args.onToggle).not.toHaveBeenCalledWith("tam");
    await expect(radio(/Premium support/)).toBeChecked();
  },
};
