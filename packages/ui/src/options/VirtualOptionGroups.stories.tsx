import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { Choice } from "./choice.ts";
import { type VirtualGroup, VirtualOptionGroups } from "./VirtualOptionGroups.tsx";

/** 300 groups, 2,400 options: pick-one groups and checklists, some options disabled with a reason. */
const groups: VirtualGroup[] = Array.from({ length: 300 }, (_, g) => ({
  id: `g${g}`,
  name: `Feature area ${g + 1}`,
  min: g % 3 === 0 ? 1 : 0,
  ...(g % 3 === 0 ? { max: 1 } : {}),
  choices: Array.from({ length: 8 }, (_, o): Choice => {
    const id = `g${g}-o${o}`;
    const name = `Option ${g + 1}.${o + 1}`;
    if (g % 3 === 0 && o === 0) return { id, name, state: "selected" };
    if (g % 3 === 0) return { id, name, state: "switch" };
    if (o === 7) return { id, name, state: "disabled", reason: `Disabled: rule r${g} excludes it.` };
    return { id, name, state: "available" };
  }),
}));

const meta = {
  title: "Options/VirtualOptionGroups",
  component: VirtualOptionGroups,
  args: { groups, label: "Options of Enterprise", onToggle: fn(), height: "480px" },
} satisfies Meta<typeof VirtualOptionGroups>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ThousandsOfOptions: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const list = canvas.getByRole("region", { name: "Options of Enterprise" });
    // Only a window of the 2,700 rows is in the document.
    await waitFor(() => expect(canvas.getAllByRole("heading", { level: 3 }).length).toBeGreaterThan(0));
    const rendered = list.querySelectorAll("input").length;
    await expect(rendered).toBeGreaterThan(5);
    await expect(rendered).toBeLessThan(120);
    // Scrolling to the end brings the last group in, and its choices work.
    list.scrollTop = list.scrollHeight;
    list.dispatchEvent(new Event("scroll"));
    const last = await canvas.findByRole("checkbox", { name: /Option 300\.2/ });
    await userEvent.click(last);
    await expect(args.onToggle).toHaveBeenCalledWith("g299-o1");
    // A disabled choice keeps its reason.
    await expect(canvas.getByRole("checkbox", { name: /Option 300\.8/ })).toHaveAccessibleDescription(
      /rule r299 excludes it/,
    );
  },
};

export const RadioGroupsSwitch: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const radio = await canvas.findByRole("radio", { name: /Option 1\.3/ });
    await userEvent.click(radio);
    await expect(args.onToggle).toHaveBeenCalledWith("g0-o2");
  },
};
