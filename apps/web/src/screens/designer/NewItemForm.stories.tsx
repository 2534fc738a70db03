import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { NewItemForm } from "./NewItemForm.tsx";

const meta = {
  title: "Designer/NewItemForm",
  component: NewItemForm,
  args: {
    title: "Add a service",
    nameLabel: "New service name",
    idLabel: "Service id",
    submitLabel: "Add service",
    taken: new Set(["svc-seat"]),
    prefix: "svc",
    onCreate: fn(),
  },
} satisfies Meta<typeof NewItemForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The id follows the name, numbered past a taken one; the form clears after adding. */
export const IdFromName: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("New service name"), "Seat");
    await expect(canvas.getByLabelText("Service id")).toHaveValue("svc-seat-2");
    await userEvent.click(canvas.getByRole("button", { name: "Add service" }));
    await expect(args.onCreate).toHaveBeenCalledWith("svc-seat-2", "Seat");
    await expect(canvas.getByLabelText("New service name")).toHaveValue("");
  },
};

/** An id typed by hand is checked as it is typed, and the form refuses it with the reason. */
export const InvalidIdRefused: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText("New service name"), "Single sign-on");
    const id = canvas.getByLabelText("Service id");
    await userEvent.clear(id);
    await userEvent.type(id, "SSO service");
    await expect(id).toHaveAttribute("aria-invalid", "true");
    await expect(canvas.getByRole("alert")).toHaveTextContent("lower-case");
    await expect(canvas.getByRole("button", { name: "Add service" })).toBeDisabled();
    await userEvent.clear(id);
    await userEvent.type(id, "svc-seat");
    await expect(canvas.getByRole("alert")).toHaveTextContent("already used");
    await userEvent.clear(id);
    await userEvent.type(id, "svc-sso");
    await userEvent.click(canvas.getByRole("button", { name: "Add service" }));
    await expect(args.onCreate).toHaveBeenCalledWith("svc-sso", "Single sign-on");
  },
};
