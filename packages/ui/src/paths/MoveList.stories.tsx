import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { MoveList } from "./MoveList.tsx";

const meta = {
  title: "Paths/MoveList",
  component: MoveList,
  args: {
    currency: "USD",
    onApply: fn(),
    moves: [
      {
        key: "upgrade:enterprise",
        kind: "upgrade",
        title: "Upgrade to Enterprise",
        valid: true,
        reasons: [],
        effectiveDate: "2026-03-16",
        proration: [
          { label: "Credit for unused Business, 16 of 31 days", amount: "-25.29" },
          { label: "Enterprise for 16 of 31 days", amount: "51.10" },
        ],
        prorationNet: "25.81",
        newRecurring: "1188.00",
        newPeriod: "year",
        mrrDelta: "50.00",
        termRestarts: false,
        addOns: ["Analytics: carried", "Backup: becomes included"],
      },
      {
        key: "downgrade:starter",
        kind: "downgrade",
        title: "Downgrade to Starter",
        valid: false,
        reasons: ["Downgrades are allowed after 90 days on Business; 45 days so far."],
      },
      {
        key: "terminate",
        kind: "terminate",
        title: "Terminate",
        valid: true,
        reasons: ["30 days notice: ends 2026-12-31."],
        effectiveDate: "2026-12-31",
        earliestDate: "2026-04-15",
        mrrDelta: "-49.00",
        retention: [
          {
            key: "retention:half-price",
            kind: "retention",
            title: "3 months at half price",
            valid: true,
            reasons: [],
            newRecurring: "24.50",
            mrrDelta: "-24.50",
          },
        ],
      },
    ],
  },
} satisfies Meta<typeof MoveList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Moves: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const upgrade = canvas.getByRole("listitem", { name: "Upgrade to Enterprise" });
    await expect(within(upgrade).getByText("+$50.00")).toBeInTheDocument();
    // The new price says which period it is for (billing becomes yearly with Enterprise).
    await expect(within(upgrade).getByText("$1,188.00 / year")).toBeInTheDocument();
    await expect(within(upgrade).getByText("−$25.29")).toBeInTheDocument();
    // Credit and charge add up to the amount due for the upgrade.
    await expect(within(upgrade).getByRole("rowheader", { name: "Net due" })).toBeInTheDocument();
    await expect(within(upgrade).getByText("$25.81")).toBeInTheDocument();
    await expect(within(upgrade).getByText(/Backup: becomes included/)).toBeInTheDocument();
    await userEvent.click(within(upgrade).getByRole("button", { name: "Apply" }));
    await expect(args.onApply).toHaveBeenCalledWith("upgrade:enterprise");
  },
};

export const BlockedShowsWhy: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const down = canvas.getByRole("listitem", { name: "Downgrade to Starter" });
    await expect(within(down).queryByRole("button")).toBeNull();
    await expect(within(down).getByRole("list", { name: "Why it is blocked" })).toHaveTextContent(
      "after 90 days",
    );
  },
};

export const RetentionBeforeTerminate: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Terminate…" }));
    // Terminating needs a confirmation, and the offers come first.
    await expect(args.onApply).not.toHaveBeenCalled();
    const panel = canvas.getByRole("region", { name: "Before you terminate" });
    await expect(within(panel).getByText("3 months at half price")).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole("button", { name: "Accept offer" }));
    await expect(args.onApply).toHaveBeenCalledWith("retention:half-price");
    await userEvent.click(within(panel).getByRole("button", { name: "Confirm termination" }));
    await expect(args.onApply).toHaveBeenLastCalledWith("terminate");
  },
};

export const TerminateOnChosenDate: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Terminate…" }));
    const date = canvas.getByLabelText("End on another date (optional)");
    await expect(date).toHaveAttribute("min", "2026-04-15");
    await userEvent.type(date, "2026-06-30");
    await userEvent.click(canvas.getByRole("button", { name: "Confirm termination" }));
    await expect(args.onApply).toHaveBeenLastCalledWith("terminate", { date: "2026-06-30" });
  },
};

export const KeepSubscription: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Terminate…" }));
    await userEvent.click(canvas.getByRole("button", { name: "Keep the subscription" }));
    await expect(canvas.queryByRole("region", { name: "Before you terminate" })).toBeNull();
  },
};

export const Applying: Story = {
  args: { applyingKey: "upgrade:enterprise" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("button", { name: "Applying…" })).toBeDisabled();
    await expect(canvas.getByRole("button", { name: "Terminate…" })).toBeDisabled();
  },
};

export const NoMoves: Story = {
  args: { moves: [] },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText("No moves are possible from this arrangement."),
    ).toBeInTheDocument();
  },
};

/** An add-on removal whose cancel policy ends it at the end of the billing period (Kill Bill's END_OF_BILLING_PERIOD). */
const removeSso = {
  key: "remove_add_on:sso",
  kind: "remove_add_on",
  title: "Remove SSO",
  valid: true,
  reasons: [],
  effectiveDate: "2026-04-01",
  policy: "at the end of the billing period, nothing prorated (path rule sso-cancel)",
  newRecurring: "20.00",
  mrrDelta: "-5.00",
  endChoices: [
    { label: "As the policy says: 2026-04-01" },
    { label: "At once: 2026-03-16", date: "2026-03-16" },
    { label: "At the end of the term: 2027-01-01", date: "2027-01-01" },
  ],
};

export const RemoveAddOnOnChosenEnd: Story = {
  args: { moves: [removeSso] },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Remove…" }));
    // Choosing when it ends comes before anything is applied.
    await expect(args.onApply).not.toHaveBeenCalled();
    const panel = canvas.getByRole("region", { name: "When SSO ends" });
    await expect(within(panel).getByRole("radio", { name: "As the policy says: 2026-04-01" })).toBeChecked();
    await userEvent.click(within(panel).getByRole("button", { name: "Remove as the policy says" }));
    await expect(args.onApply).toHaveBeenLastCalledWith("remove_add_on:sso");
    await userEvent.click(within(panel).getByRole("radio", { name: "At the end of the term: 2027-01-01" }));
    await userEvent.click(within(panel).getByRole("button", { name: "Remove on 2027-01-01" }));
    await expect(args.onApply).toHaveBeenLastCalledWith("remove_add_on:sso", { date: "2027-01-01" });
    await userEvent.click(within(panel).getByRole("radio", { name: "On another date" }));
    await expect(within(panel).getByRole("button", { name: "Remove as the policy says" })).toBeDisabled();
    await userEvent.type(within(panel).getByLabelText("End date"), "2026-05-15");
    await userEvent.click(within(panel).getByRole("button", { name: "Remove on 2026-05-15" }));
    await expect(args.onApply).toHaveBeenLastCalledWith("remove_add_on:sso", { date: "2026-05-15" });
  },
};

export const RemoveAddOnWithNotice: Story = {
  args: {
    moves: [
      {
        ...removeSso,
        earliestDate: "2026-04-15",
        effectiveDate: "2026-04-15",
        endChoices: [
          { label: "As the policy says: 2026-04-15" },
          { label: "At the end of the term: 2027-01-01", date: "2027-01-01" },
        ],
      },
    ],
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Remove…" }));
    await userEvent.click(canvas.getByRole("radio", { name: "On another date" }));
    const date = canvas.getByLabelText("End date");
    await expect(date).toHaveAttribute("min", "2026-04-15");
    // A date before the notice allows cannot be sent.
    await userEvent.type(date, "2026-04-01");
    await expect(canvas.getByRole("button", { name: "Remove on 2026-04-01" })).toBeDisabled();
    await expect(canvas.getByText("The earliest possible end date is 2026-04-15.")).toBeInTheDocument();
  },
};
