import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails with the rule ids and targets when axe finds a serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // Next streams metadata: right after a client navigation or an action's re-render the title
  // arrives a moment after the content. Judge the page once it has settled.
  await expect(page).toHaveTitle(/\S/);
  // A streamed page shows its loading skeleton (aria-busy) until React reveals the content, a
  // moment after the document loads: check the content, not the skeleton.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe violations on ${page.url()}`).toEqual([]);
}
