import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { OverviewSection } from "./OverviewSection.tsx";
import { CatalogHarness, docOf, saas } from "./stories/harness.tsx";

const meta = {
  title: "Designer/OverviewSection",
  component: OverviewSection,
  args: { doc: saas, set: () => {}, readOnly: false },
  render: () => (
    <CatalogHarness>{(doc, set) => <OverviewSection doc={doc} set={set} readOnly={false} />}</CatalogHarness>
  ),
} satisfies Meta<typeof OverviewSection>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Catalog versions over time (Kill Bill's effectiveDateForExistingSubscriptions) and Stripe's
 * flexible proration, chosen for the whole catalog; emptied, both go.
 */
export const VersionsAndProration: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("Existing customers get these prices from"), "2026-07-01");
    await userEvent.selectOptions(canvas.getByLabelText("Proration style"), "flexible");
    await waitFor(() => {
      const doc = docOf(canvasElement);
      expect(doc.existingSubscriptionsFrom).toBe("2026-07-01");
      expect(doc.prorationStyle).toBe("flexible");
    });
    await userEvent.clear(canvas.getByLabelText("Existing customers get these prices from"));
    await userEvent.selectOptions(canvas.getByLabelText("Proration style"), "");
    await waitFor(() => {
      const doc = docOf(canvasElement);
      expect(doc).not.toHaveProperty("existingSubscriptionsFrom");
      expect(doc).not.toHaveProperty("prorationStyle");
    });
  },
};
