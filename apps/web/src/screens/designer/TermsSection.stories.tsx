import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { docOf, PackageHarness } from "./stories/harness.tsx";
import { TermsSection } from "./TermsSection.tsx";

const meta = {
  title: "Designer/TermsSection",
  component: TermsSection,
  args: { ctx: undefined as never },
  render: () => (
    <PackageHarness packageId="collab-team">{(ctx) => <TermsSection ctx={ctx} />}</PackageHarness>
  ),
} satisfies Meta<typeof TermsSection>;

export default meta;
type Story = StoryObj<typeof meta>;

const teamOf = (el: HTMLElement) => docOf(el).packages.find((p) => p.id === "collab-team");

/** Terms with commitment discounts and one default; payment terms ticked in the schema's order. */
export const TermsAndPayment: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Add term" }));
    await userEvent.type(canvas.getByLabelText("Term 4 discount percent"), "15");
    await userEvent.click(canvas.getByLabelText("Term 4 (24 months) is proposed on new quotes"));
    await userEvent.click(canvas.getByRole("checkbox", { name: "net 15" }));
    await waitFor(() => {
      const team = teamOf(canvasElement);
      expect(team?.terms).toEqual([
        { months: 1 },
        { months: 12, discountPercent: "5" },
        { months: 36, discountPercent: "12" },
        { months: 24, discountPercent: "15", default: true },
      ]);
      expect(team?.paymentTerms).toEqual(["due_on_receipt", "net_15", "net_30"]);
    });
    // The last term cannot be removed: a package offers at least one.
    for (const name of [
      "Remove term 4 (24 months)",
      "Remove term 3 (36 months)",
      "Remove term 2 (12 months)",
    ])
      await userEvent.click(canvas.getByRole("button", { name }));
    await expect(canvas.getByRole("button", { name: "Remove term 1 (1 months)" })).toBeDisabled();
  },
};

/** Issue 13's weekly shipments: a 6-week fixed term billed weekly, and every billing period offered. */
export const WeeklyTerm: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText("Term 1 unit"), "weeks");
    await expect(canvas.getByLabelText("Term 1 length")).toHaveValue(4);
    await userEvent.clear(canvas.getByLabelText("Term 1 length"));
    await userEvent.type(canvas.getByLabelText("Term 1 length"), "6");
    await userEvent.click(canvas.getByRole("checkbox", { name: "weekly" }));
    await userEvent.click(canvas.getByRole("checkbox", { name: "every two weeks" }));
    await waitFor(() => {
      const team = teamOf(canvasElement);
      expect(team?.terms[0]).toEqual({ weeks: 6 });
      expect(team?.billingPeriods).toEqual(["week", "two_weeks", "month", "year"]);
    });
    await expect(canvas.getByRole("button", { name: "Remove term 1 (6 weeks)" })).toBeEnabled();
    await expect(canvas.getByRole("checkbox", { name: "every half year" })).not.toBeChecked();
  },
};
