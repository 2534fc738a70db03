import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";
import { ErrorBoundary } from "./ErrorBoundary.tsx";

/** Throws while `broken` is set; the boundary's "Try again" re-mounts it. */
function Fragile({ broken }: { broken: { current: boolean } }) {
  if (broken.current) throw new Error("The price grid met a charge without price points");
  return <p>Price grid</p>;
}

function Demo() {
  const [broken] = useState(() => ({ current: true }));
  return (
    <div>
      <p>Navigation stays usable</p>
      <button type="button" onClick={() => (broken.current = false)}>
        Repair
      </button>
      <ErrorBoundary label="the price grid" onError={() => {}}>
        <Fragile broken={broken} />
      </ErrorBoundary>
    </div>
  );
}

const meta = {
  title: "Feedback/ErrorBoundary",
  component: Demo,
} satisfies Meta<typeof Demo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const CatchesAndRetries: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Navigation stays usable")).toBeVisible();
    await expect(canvas.getByRole("alert")).toHaveTextContent("Something went wrong in the price grid");
    await expect(canvas.getByRole("alert")).toHaveTextContent("without price points");
    await userEvent.click(canvas.getByRole("button", { name: "Repair" }));
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(canvas.getByText("Price grid")).toBeVisible();
  },
};
