import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { docOf, PackageHarness } from "./stories/harness.tsx";
import { TerminationSection } from "./TerminationSection.tsx";

const meta = {
  title: "Designer/TerminationSection",
  component: TerminationSection,
  args: { ctx: undefined as never },
  render: () => (
    <PackageHarness packageId="collab-team">{(ctx) => <TerminationSection ctx={ctx} />}</PackageHarness>
  ),
} satisfies Meta<typeof TerminationSection>;

export default meta;
type Story = StoryObj<typeof meta>;

const terminationOf = (el: HTMLElement) =>
  docOf(el).packages.find((p) => p.id === "collab-team")?.termination;

/** A fee per currency or a share of the rest of the term; switching keeps only the fields it uses. */
export const EarlyTerminationFee: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText("Early termination fee"), "flat");
    await userEvent.clear(canvas.getByLabelText("Fee in USD"));
    await userEvent.type(canvas.getByLabelText("Fee in USD"), "250.00");
    await waitFor(() =>
      expect(terminationOf(canvasElement)?.earlyTerminationFee).toEqual({
        kind: "flat",
        amounts: [
          { currency: "USD", amount: "250.00" },
          { currency: "EUR", amount: "0.00" },
          { currency: "GBP", amount: "0.00" },
          { currency: "JPY", amount: "0.00" },
        ],
      }),
    );
    await userEvent.selectOptions(canvas.getByLabelText("Early termination fee"), "remaining_percent");
    await waitFor(() =>
      expect(terminationOf(canvasElement)?.earlyTerminationFee).toEqual({
        kind: "remaining_percent",
        percent: "100",
      }),
    );
  },
};

/** Offers are added with an id from their name, turned into a downgrade, and reordered. */
export const RetentionOffers: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("New offer shown as"), "Two months free");
    await expect(canvas.getByLabelText("New offer id")).toHaveValue("collab-team-two-months-free");
    await userEvent.click(canvas.getByRole("button", { name: "Add offer" }));
    const kinds = await canvas.findAllByLabelText("Offer kind");
    await expect(kinds).toHaveLength(3);
    await userEvent.click(canvas.getByRole("button", { name: "Move offer Two months free up" }));
    await waitFor(() =>
      expect(terminationOf(canvasElement)?.retentionOffers?.map((o) => o.id)).toEqual([
        "team-retain-discount",
        "collab-team-two-months-free",
        "team-retain-downgrade",
      ]),
    );
    // The downgrade becomes a discount: its target goes, a percent and a duration come.
    await userEvent.selectOptions(canvas.getAllByLabelText("Offer kind")[2] as HTMLElement, "discount");
    await waitFor(() =>
      expect(terminationOf(canvasElement)?.retentionOffers?.[2]).toEqual({
        id: "team-retain-downgrade",
        name: "Keep your workspace on a smaller plan",
        kind: "discount",
        discountPercent: "25",
        months: 3,
      }),
    );
  },
};
