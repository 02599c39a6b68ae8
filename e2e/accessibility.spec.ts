import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

const PAGES = {
  home: "/",
  search: "/providers?condition=chronic-migraine&near=10016",
  "search with an error": "/providers?near=99999",
  profile: "/providers/dr-maya-chen-md-new-york",
  condition: "/conditions/chronic-migraine",
  privacy: "/privacy",
};

for (const [name, path] of Object.entries(PAGES)) {
  test(`${name} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name} fits the screen and has no serious accessibility violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page);
    });
  }
});

test("keyboard users can skip to the content and see where focus is", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: /skip to/i });
  await expect(skip).toBeFocused();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});
