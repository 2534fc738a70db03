/**
 * The catalog designer v2 in Chromium against the real server: safety (undo/redo, the
 * unsaved-changes guard, one save per double click, JSON that is not a catalog), the packaging
 * matrix and the price grid. Screenshots at 1440×900 go to test-artifacts/e2e/.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, shot, startHarness } from "./harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

/** A designer at 1440×900 on the draft of `catalog`. */
async function openDraft(catalog: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(h.url);
  await page.getByLabel("API token").fill(h.tokens.designer ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: `Edit draft of ${catalog}` }).click();
  await page.getByRole("heading", { name: catalog, level: 1 }).waitFor();
  return page;
}

describe("the catalog designer v2", () => {
  it("undoes and redoes edits with the buttons and the keyboard", async () => {
    const page = await openDraft("Nimbus Connect");
    const description = page.getByLabel("Description");
    const before = await description.inputValue();
    await description.fill("Homes and small offices.");
    await page.getByRole("button", { name: /^Services/ }).click();
    await page.locator("[data-pointer='/services/0/name']").fill("Mobile data");
    await page.getByText(/· unsaved changes/).waitFor();

    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.locator("[data-pointer='/services/0/name']").inputValue()).resolves.not.toBe(
      "Mobile data",
    );
    await page.getByRole("button", { name: "Overview & portfolios" }).click();
    await expect(description.inputValue()).resolves.toBe("Homes and small offices.");
    await page.keyboard.press("Control+z");
    await expect(description.inputValue()).resolves.toBe(before);
    // Everything undone: the draft is as saved again.
    await expect(page.getByText(/· unsaved changes/).count()).resolves.toBe(0);
    await page.keyboard.press("Control+Shift+z");
    await expect(description.inputValue()).resolves.toBe("Homes and small offices.");
    await page.getByRole("button", { name: "Redo" }).click();
    await page.getByRole("button", { name: /^Services/ }).click();
    await expect(page.locator("[data-pointer='/services/0/name']").inputValue()).resolves.toBe("Mobile data");
    await page.context().close();
  });

  it("asks before leaving unsaved edits, saves once on a double click, and stays on Stay", async () => {
    const page = await openDraft("Nimbus Connect");
    await page.getByLabel("Description").fill("Edited, not saved.");
    await page.getByRole("link", { name: "Catalog designer" }).click();
    const dialog = page.getByRole("dialog", { name: "Leave with unsaved changes?" });
    await dialog.waitFor();
    await shot(page, "30-designer-leave-guard");
    await dialog.getByRole("button", { name: "Stay on this page" }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.getByLabel("Description").inputValue()).resolves.toBe("Edited, not saved.");

    // A double click on Save sends one save: the revision goes up by one, not two.
    const saves: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("catalogs.updateDraft")) saves.push(r.url());
    });
    const revision = Number((await page.getByText(/draft revision \d+/).textContent())?.match(/\d+/)?.[0]);
    await page.getByRole("button", { name: "Save draft" }).dblclick();
    await page.getByText(`Saved as revision ${revision + 1}.`).waitFor();
    expect(saves).toHaveLength(1);

    // Saved: leaving asks nothing.
    await page.getByRole("link", { name: "Catalog designer" }).click();
    await page.getByRole("heading", { name: "Catalog designer" }).waitFor();
    await page.getByRole("button", { name: "Edit draft of Nimbus Connect" }).click();
    await page.getByLabel("Description").fill("Leaving this behind.");
    await page.getByRole("link", { name: "Catalog designer" }).click();
    await dialog.getByRole("button", { name: "Leave without saving" }).click();
    await page.getByRole("heading", { name: "Catalog designer" }).waitFor();
    await page.context().close();
  });

  it("refuses JSON that is valid JSON but not a catalog, and keeps the editor", async () => {
    const page = await openDraft("Nimbus Connect");
    await page.getByRole("button", { name: "JSON" }).click();
    const text = page.getByRole("textbox", { name: "Catalog JSON" });
    for (const notACatalog of ["{}", "[1, 2]", '{"name": "x", "packages": "many"}', "null"]) {
      await text.fill(notACatalog);
      await page.getByRole("button", { name: "Apply JSON" }).click();
      await expect(page.getByRole("alert").first().textContent()).resolves.toContain(
        "this is not a catalog document",
      );
    }
    await page.getByRole("button", { name: "Overview & portfolios" }).click();
    await expect(page.getByLabel("Name", { exact: true }).inputValue()).resolves.toBe("Nimbus Connect");
    await expect(page.getByText(/· unsaved changes/).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("edits the packaging matrix in place and refuses to orphan a charge", async () => {
    const page = await openDraft("Acme Collaborate");
    await page.getByRole("button", { name: "Packaging matrix" }).click();
    const matrix = page.getByRole("table", { name: "Packaging matrix" });
    await matrix.waitFor();
    await shot(page, "31-designer-matrix");
    await expect(
      matrix.getByLabel("Included quantity of User seat in Enterprise").inputValue(),
    ).resolves.toBe("50");
    // Sandbox becomes part of Team, with 2 included, by two edits in its cell.
    await matrix.getByLabel("Sandbox workspace in Team", { exact: true }).selectOption("included");
    const quantity = matrix.getByLabel("Included quantity of Sandbox workspace in Team");
    await quantity.fill("2");
    await page.getByText(/· unsaved changes/).waitFor();
    // Premium support on Team is charged by a fee: removing it is refused with the reference.
    await matrix.getByLabel("Premium support in Team", { exact: true }).selectOption("none");
    const refusal = page.getByRole("alert").filter({ hasText: "was not changed" });
    await expect(refusal.textContent()).resolves.toContain("/packages/1/charges/2/option");
    await expect(matrix.getByLabel("Premium support in Team", { exact: true }).inputValue()).resolves.toBe(
      "option",
    );
    await shot(page, "32-designer-matrix-edited");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();
    await page.getByRole("button", { name: "Team", exact: true }).click();
    await expect(page.locator("[data-pointer^='/packages/1/components/3']").count()).resolves.toBeGreaterThan(
      0,
    );
    await page.context().close();
  });
});
