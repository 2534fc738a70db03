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

const phasesOf = (el: HTMLElement, id = "collab-starter") =>
  docOf(el).packages.find((p) => p.id === id)?.phases;

/**
 * Starter's intro price (50% off for 3 billing periods), then a 6-week fixed term and an evergreen
 * phase; a trial moved first; deleting every phase removes the list.
 */
export const PhasesInOrder: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Phase 1 Percent off")).toHaveValue("50");
    await userEvent.click(canvas.getByRole("button", { name: "Add a phase" }));
    await userEvent.selectOptions(canvas.getByLabelText("Phase 2 Type"), "fixed_term");
    // The discount's 3 billing periods carry over; make it a duration of 6 weeks.
    await expect(canvas.getByLabelText("Phase 2 Lasts")).toHaveValue("periods");
    await userEvent.selectOptions(canvas.getByLabelText("Phase 2 Lasts"), "duration");
    await userEvent.selectOptions(canvas.getByLabelText("Phase 2 Unit"), "week");
    await userEvent.clear(canvas.getByLabelText("Phase 2 Length"));
    await userEvent.type(canvas.getByLabelText("Phase 2 Length"), "6");
    await userEvent.selectOptions(canvas.getByLabelText("Phase 2 Price"), "none");
    await userEvent.click(canvas.getByRole("button", { name: "Add a phase" }));
    await userEvent.selectOptions(canvas.getByLabelText("Phase 3 Type"), "evergreen");
    await expect(canvas.queryByLabelText("Phase 3 Length")).toBeNull();
    // An evergreen phase may keep a discount (a lasting one); this one is at the regular price.
    await expect(canvas.getByLabelText("Phase 3 Percent off")).toHaveValue("50");
    await userEvent.selectOptions(canvas.getByLabelText("Phase 3 Price"), "none");
    await waitFor(() =>
      expect(phasesOf(canvasElement)).toEqual([
        { type: "intro", periods: 3, discountPercent: "50" },
        { type: "fixed_term", duration: { length: 6, unit: "week" } },
        { type: "evergreen" },
      ]),
    );
    // A new phase goes before the evergreen one (nothing runs after it); a trial is moved first.
    await userEvent.click(canvas.getByRole("button", { name: "Add a phase" }));
    await userEvent.selectOptions(canvas.getByLabelText("Phase 3 Type"), "trial");
    await userEvent.click(canvas.getByRole("button", { name: "Move phase 3 up" }));
    await userEvent.click(canvas.getByRole("button", { name: "Move phase 2 up" }));
    await waitFor(() =>
      expect(phasesOf(canvasElement)?.map((p) => p.type)).toEqual([
        "trial",
        "intro",
        "fixed_term",
        "evergreen",
      ]),
    );
    await userEvent.selectOptions(canvas.getByLabelText("Phase 1 Lasts"), "days");
    await userEvent.clear(canvas.getByLabelText("Phase 1 Length"));
    await userEvent.type(canvas.getByLabelText("Phase 1 Length"), "30");
    await userEvent.selectOptions(canvas.getByLabelText("Phase 1 Payment method up front"), "true");
    await waitFor(() =>
      expect(phasesOf(canvasElement)?.[0]).toEqual({ type: "trial", days: 30, requiresPaymentMethod: true }),
    );
    for (const _ of [1, 2, 3, 4])
      await userEvent.click(canvas.getByRole("button", { name: "Delete phase 1" }));
    await waitFor(() => expect(phasesOf(canvasElement)).toBeUndefined());
    await expect(canvas.getByRole("button", { name: "Add a free trial" })).toBeVisible();
  },
};

/** A fixed amount off each period, per catalog currency, instead of a percent. */
export const AmountOff: Story = {
  render: () => (
    <PackageHarness packageId="collab-team">{(ctx) => <PhasesSection ctx={ctx} />}</PackageHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText("Phase 1 Length")).toHaveValue(14);
    await userEvent.click(canvas.getByRole("button", { name: "Add a phase" }));
    await userEvent.selectOptions(canvas.getByLabelText("Phase 2 Price"), "amounts");
    await userEvent.clear(canvas.getByLabelText("Phase 2 Amount off (USD)"));
    await userEvent.type(canvas.getByLabelText("Phase 2 Amount off (USD)"), "5.00");
    await expect(canvas.getByText("$5.00 off each period")).toBeVisible();
    await waitFor(() => {
      const discount = phasesOf(canvasElement, "collab-team")?.[1];
      expect(discount?.discountPercent).toBeUndefined();
      expect(discount?.discountAmounts?.map((a) => a.currency)).toEqual(docOf(canvasElement).currencies);
      expect(discount?.discountAmounts?.[0]).toEqual({ currency: "USD", amount: "5.00" });
    });
  },
};
