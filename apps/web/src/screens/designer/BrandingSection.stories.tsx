import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { BrandingSection } from "./BrandingSection.tsx";
import { CatalogHarness, docOf, saas } from "./stories/harness.tsx";

const { branding: _b, ...unbranded } = saas;

const meta = {
  title: "Designer/BrandingSection",
  component: BrandingSection,
  args: { doc: saas, set: () => {}, readOnly: false },
  render: () => (
    <CatalogHarness>{(doc, set) => <BrandingSection doc={doc} set={set} readOnly={false} />}</CatalogHarness>
  ),
} satisfies Meta<typeof BrandingSection>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The sample's branding, shown in the preview as a printed quote shows it. */
export const Sample: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const preview = within(canvas.getByRole("figure", { name: "Preview of a printed quote" }));
    await expect(preview.getByText("Acme Collaborate Inc.")).toBeVisible();
    await expect(preview.getByText(/Invoices are payable within 30 days/)).toBeVisible();
    await userEvent.clear(canvas.getByLabelText("Footer line"));
    await userEvent.type(canvas.getByLabelText("Footer line"), "Acme · VAT GB123");
    await expect(preview.getByText("Acme · VAT GB123")).toBeVisible();
    await waitFor(() => expect(docOf(canvasElement).branding?.footer).toBe("Acme · VAT GB123"));
  },
};

/** From no branding: each field typed appears in the preview; emptying them all removes the branding. */
export const FromNothing: Story = {
  render: () => (
    <CatalogHarness initial={unbranded}>
      {(doc, set) => <BrandingSection doc={doc} set={set} readOnly={false} />}
    </CatalogHarness>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const preview = within(canvas.getByRole("figure", { name: "Preview of a printed quote" }));
    // No company name: quotes print the catalog's.
    await expect(preview.getByText(saas.name)).toBeVisible();
    await userEvent.type(canvas.getByLabelText("Company name on quotes"), "Acme Ltd");
    await userEvent.type(canvas.getByLabelText("Postal address"), "1 Main St{Enter}Springfield");
    await userEvent.type(canvas.getByLabelText("Accent colour", { exact: true }), "#aa3300");
    await waitFor(() =>
      expect(docOf(canvasElement).branding).toEqual({
        companyName: "Acme Ltd",
        address: "1 Main St\nSpringfield",
        accentColor: "#aa3300",
      }),
    );
    await expect(canvas.getByLabelText("Pick the accent colour")).toHaveValue("#aa3300");
    for (const label of ["Company name on quotes", "Postal address"])
      await userEvent.clear(canvas.getByLabelText(label));
    await userEvent.clear(canvas.getByLabelText("Accent colour", { exact: true }));
    await waitFor(() => expect(docOf(canvasElement).branding).toBeUndefined());
  },
};
