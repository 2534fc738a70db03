import type { MouseEvent } from "react";
import { describe, expect, it } from "vitest";
import { isPlainClick } from "./Link.tsx";

const click = (over: Partial<MouseEvent> = {}) =>
  ({
    defaultPrevented: false,
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    ...over,
  }) as MouseEvent;

describe("in-app links", () => {
  it("route a plain left click themselves", () => {
    expect(isPlainClick(click())).toBe(true);
  });
  it.each([
    ["Ctrl-click (new tab)", { ctrlKey: true }],
    ["⌘-click (new tab)", { metaKey: true }],
    ["Shift-click (new window)", { shiftKey: true }],
    ["Alt-click (download)", { altKey: true }],
    ["the middle button", { button: 1 }],
    ["a click a handler already took", { defaultPrevented: true }],
  ])("leave %s to the browser", (_, over) => {
    expect(isPlainClick(click(over))).toBe(false);
  });
});
