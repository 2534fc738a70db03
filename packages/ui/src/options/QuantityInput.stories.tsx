import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, fn, userEvent, within } from "storybook/test";
import { QuantityInput } from "./QuantityInput.tsx";

const meta = {
  title: "Options/QuantityInput",
  component: QuantityInput,
  args: { label: "Seats", unit: "seat", value: 10, min: 5, max: 20, step: 5, included: 5, onChange: fn() },
} satisfies Meta<typeof QuantityInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Bounded: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText("Seats");
    await expect(input).toHaveAccessibleDescription(/5 seats included · allowed 5–20, in steps of 5 seats/);
    await userEvent.click(canvas.getByRole("button", { name: "Increase Seats" }));
    await expect(args.onChange).toHaveBeenLastCalledWith(15);
    await userEvent.click(canvas.getByRole("button", { name: "Decrease Seats" }));
    await expect(args.onChange).toHaveBeenLastCalledWith(5);
  },
};

export const AtBounds: Story = {
  args: { value: 20 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Increase Seats" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Decrease Seats" })).toBeEnabled();
  },
};

export const WithProblem: Story = {
  args: { value: 7, problem: "Seats must be 5 plus a multiple of 5: choose 5 or 10." },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText("Seats");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(canvas.getByRole("alert")).toHaveTextContent("choose 5 or 10");
  },
};

export const Typed: Story = {
  render: (args) => {
    const [value, setValue] = useState(3);
    const { max: _max, ...unbounded } = args;
    return (
      <QuantityInput
        {...unbounded}
        label="Storage"
        unit="GB"
        min={0}
        step={1}
        included={0}
        value={value}
        onChange={setValue}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText("Storage");
    await userEvent.clear(input);
    await userEvent.type(input, "42");
    await expect(input).toHaveValue(42);
    await expect(canvas.getByRole("button", { name: "Increase Storage" })).toBeEnabled();
    // An abbreviation is not made plural.
    await expect(input).toHaveAccessibleDescription("allowed 0+ GB");
  },
};

/** Units in words are made plural: "API calls", "deliveries", "boxes"; one stays singular. */
export const Plurals: Story = {
  render: () => (
    <>
      <QuantityInput label="Calls" unit="API call" value={0} min={0} onChange={() => {}} />
      <QuantityInput label="Deliveries" unit="delivery" value={2} min={1} max={4} onChange={() => {}} />
      <QuantityInput label="Boxes" unit="box" value={1} min={1} max={1} included={1} onChange={() => {}} />
    </>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Calls")).toHaveAccessibleDescription("allowed 0+ API calls");
    await expect(canvas.getByLabelText("Deliveries")).toHaveAccessibleDescription("allowed 1–4 deliveries");
    await expect(canvas.getByLabelText("Boxes")).toHaveAccessibleDescription(
      "1 box included · allowed 1 box",
    );
  },
};

/** A range narrowed by a quantity rule says which rule: 25 seats at least, because of the storage. */
export const NarrowedByARule: Story = {
  render: () => (
    <QuantityInput
      label="Seats"
      unit="seat"
      value={25}
      min={25}
      max={2000}
      limits="At least 25 with the other quantities as they are: Storage is at most 10 GB per seat."
      onChange={() => {}}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Seats")).toHaveAccessibleDescription(
      "allowed 25–2000 seats · At least 25 with the other quantities as they are: Storage is at most 10 GB per seat.",
    );
  },
};
