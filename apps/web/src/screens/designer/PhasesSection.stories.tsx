import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { PhasesSection } from "./PhasesSection.tsx";
import { docOf, PackageHarness } from "./stories/harness.tsx";

const meta = {
  title: "Designer/PhasesSection",
  component: PhasesSection,
  args: { ctx: undefined as never },
  render: () => (
    <PackageHarness packageId="collab-starter">{(ctx) => <PhasesSection ctx={ctx} />}</PackageHarness>
  ),
} satisfies Meta<typeof PhasesSection>;

export default meta;
type Story = StoryObj<typeof meta>;

const phasesOf = (el: HTMLElement) => docOf(el).packages.find((p) => p.id === "collab-starter")?.phases;

/** Starter has an intro price; adding a trial puts it first, as the schema wants. */
export const TrialThenIntro: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Introductory discount (%)")).toHaveValue("50");
    await userEvent.click(canvas.getByLabelText("Offer a free trial"));
    await userEvent.clear(canvas.getByLabelText("Trial days"));
    await userEvent.type(canvas.getByLabelText("Trial days"), "30");
    await userEvent.click(canvas.getByLabelText("Collect a payment method up front"));
    await waitFor(() =>
      expect(phasesOf(canvasElement)).toEqual([
        { type: "trial", days: 30, requiresPaymentMethod: true },
        { type: "intro", periods: 3, discountPercent: "50" },
      ]),
    );
    await userEvent.click(canvas.getByLabelText("Offer an introductory discount"));
    await userEvent.click(canvas.getByLabelText("Offer a free trial"));
    await waitFor(() => expect(phasesOf(canvasElement)).toBeUndefined());
  },
};
