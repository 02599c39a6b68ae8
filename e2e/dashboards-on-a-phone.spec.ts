import { devices } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

// Every signed-in page, on a phone: nothing wider than the screen, nothing axe calls serious.
const DASHBOARDS = {
  "patient@example.com": ["/patient", "/patient/diary", "/providers/dr-maya-chen-md-new-york"],
  "provider@example.com": ["/provider", "/provider/listing", "/provider/locations", "/provider/schedule", "/provider/licenses", "/provider/requests", "/provider/preview", "/provider/reviews"],
  "admin@example.com": ["/admin/licenses", "/admin/providers", "/admin/payments", "/admin/reviews", "/admin/audit"],
};

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, userAgent: devices["iPhone 13"].userAgent });

for (const [email, paths] of Object.entries(DASHBOARDS)) {
  test(`${email}'s pages fit a phone and have no serious accessibility violations`, async ({ page }) => {
    test.slow();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page);
    }
  });
}
