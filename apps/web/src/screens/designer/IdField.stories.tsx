import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { IdField } from "./IdField.tsx";

const meta = {
  title: "Designer/IdField",
  component: IdField,
  args: {
    label: "Id of component Agent seats",
    id: "support-team-agent-seats",
    pointer: "/packages/0/components/0/id",
    taken: new Set(["support-team-agent-seats", "support-team-knowledge-base"]),
    compact: true,
    onRename: fn(),
  },
  // As in the components table: the name column is 14rem wide.
  render: (args) => (
    <div style={{ width: "14rem" }}>
      <IdField {...args} />
    </div>
  ),
} satisfies Meta<typeof IdField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Under a component's name, a derived id is shown in full, not cut at "support-team-agent-sea". */
export const CompactShowsTheWholeId: Story = {
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText("Id of component Agent seats") as HTMLInputElement;
    await expect(input).toHaveValue("support-team-agent-seats");
    await expect(input.scrollWidth).toBeLessThanOrEqual(input.clientWidth);
  },
};

/** A taken id is refused with the reason, and nothing is renamed. */
export const TakenIdRefused: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText("Id of component Agent seats");
    await userEvent.clear(input);
    await userEvent.type(input, "support-team-knowledge-base{Enter}");
    await expect(canvas.getByRole("alert")).toHaveTextContent(
      "The id “support-team-knowledge-base” is already used in this catalog; ids are unique across it.",
    );
    await expect(args.onRename).not.toHaveBeenCalled();
  },
};
