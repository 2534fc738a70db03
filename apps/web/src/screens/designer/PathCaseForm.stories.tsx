import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { PathCaseForm } from "./PathCaseForm.tsx";
import { CatalogHarness, docOf, saas } from "./stories/harness.tsx";

const upgrade = saas.pathRules?.findIndex((c) => c.id === "upgrade-now-prorated") ?? -1;

const meta = {
  title: "Designer/PathCaseForm",
  component: PathCaseForm,
  args: { doc: saas, index: upgrade, readOnly: false, set: () => {} },
  render: () => (
    <CatalogHarness>
      {(doc, set) => <PathCaseForm doc={doc} index={upgrade} readOnly={false} set={set} />}
    </CatalogHarness>
  ),
} satisfies Meta<typeof PathCaseForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Who may make the move in the portal: stated yes, stated no, or the default (upgrades only). */
export const SelfService: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = canvas.getByLabelText("Customers make it themselves in the portal (upgrade-now-prorated)");
    await expect(field).toHaveValue("true");
    await userEvent.selectOptions(field, "false");
    await waitFor(() => expect(docOf(canvasElement).pathRules?.[upgrade]?.selfService).toBe(false));
    await userEvent.selectOptions(field, "");
    await waitFor(() => expect(docOf(canvasElement).pathRules?.[upgrade]).not.toHaveProperty("selfService"));
    // Every billing period and phase of issue 13 can be matched.
    await userEvent.click(
      within(
        canvas.getByRole("group", { name: "Billing periods upgrade-now-prorated matches" }),
      ).getByLabelText("two weeks"),
    );
    await userEvent.click(
      within(canvas.getByRole("group", { name: "Phases upgrade-now-prorated matches" })).getByLabelText(
        "fixed term",
      ),
    );
    await waitFor(() => {
      const c = docOf(canvasElement).pathRules?.[upgrade];
      expect(c?.billingPeriods).toEqual(["two_weeks"]);
      expect(c?.phases).toEqual(["fixed_term"]);
    });
  },
};
