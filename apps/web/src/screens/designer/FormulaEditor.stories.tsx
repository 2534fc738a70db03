import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { RulesSection } from "./RulesSection.tsx";
import { docOf, PackageHarness } from "./stories/harness.tsx";

const meta = {
  title: "Designer/FormulaEditor",
  component: RulesSection,
  args: { ctx: undefined as never },
  render: () => (
    <PackageHarness packageId="collab-business">{(ctx) => <RulesSection ctx={ctx} />}</PackageHarness>
  ),
} satisfies Meta<typeof RulesSection>;

export default meta;
type Story = StoryObj<typeof meta>;

const ruleOf = (el: HTMLElement) =>
  docOf(el)
    .packages.find((p) => p.id === "collab-business")
    ?.rules?.find((r) => r.id === "biz-hipaa-needs-us");

/**
 * "HIPAA needs US hosting" rewritten as a formula, then changed node by node into "at most one of
 * the EU and UK regions, whatever is picked": a count whose k the form keeps meaningful.
 */
export const RuleAsFormula: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Write rule biz-hipaa-needs-us as a formula" }));
    await waitFor(() =>
      expect(ruleOf(canvasElement)).toMatchObject({
        when: "biz-hipaa",
        // biome-ignore lint/suspicious/noThenProperty: "then" is the schema's name for a rule's consequence
        then: { none: ["biz-res-eu", "biz-res-uk"] },
      }),
    );
    const form = within(canvas.getByRole("group", { name: "Formula of rule biz-hipaa-needs-us" }));
    await userEvent.selectOptions(form.getByLabelText("Kind of then of rule biz-hipaa-needs-us"), "atMost");
    await waitFor(() =>
      expect(ruleOf(canvasElement)?.then).toEqual({ atMost: { k: 1, of: ["biz-res-eu", "biz-res-uk"] } }),
    );
    // At most 2 of two always holds: the form keeps k at 1.
    await expect(form.getByLabelText("k of then of rule biz-hipaa-needs-us")).toHaveAttribute("max", "1");
    await userEvent.click(
      form.getByRole("button", { name: "Add a condition to then of rule biz-hipaa-needs-us" }),
    );
    await userEvent.selectOptions(
      form.getByLabelText("Pick of then of rule biz-hipaa-needs-us › 3"),
      "biz-eu-frankfurt",
    );
    await userEvent.click(form.getByRole("button", { name: "Remove then of rule biz-hipaa-needs-us › 2" }));
    await userEvent.click(form.getByLabelText("Rule biz-hipaa-needs-us applies only when a condition holds"));
    await waitFor(() => {
      const rule = ruleOf(canvasElement);
      expect(rule).not.toHaveProperty("when");
      expect(rule?.then).toEqual({ atMost: { k: 1, of: ["biz-res-eu", "biz-eu-frankfurt"] } });
    });
    await expect(canvas.getByText(/Written as a nested formula/)).toBeVisible();
  },
};
