import { signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { answerIntake } from "./support/intake";
import { expect, test } from "./support/test";

// Dr. Samuel Okafor's consultation confirms automatically and asks a $75 deposit (db/seed).
const OKAFOR = "/providers/dr-samuel-okafor-do-new-york";

test("an instant booking with a deposit is confirmed as soon as the deposit is paid", async ({ page }) => {
  test.slow();
  await page.goto("/providers?condition=back-pain&near=10022&radiusMi=1&sort=distance");
  const card = page.getByRole("article").filter({ hasText: "Dr. Samuel Okafor" });
  await expect(card.getByText("Instant booking")).toBeVisible();

  const email = `instant.${Date.now()}@example.com`;
  await signUpAndVerify(page, { name: "Robin Instant", email, callbackUrl: OKAFOR });
  await expect(page).toHaveURL(OKAFOR);
  await expect(page.getByRole("region", { name: "Appointment types" }).getByText("Instant booking").first()).toBeVisible();
  const panel = page.getByRole("region", { name: "Book a consultation" });
  await expect(panel.getByText("Instant booking: confirmed as soon as you book")).toBeVisible();
  // The second free time, so a rerun against the same database still finds one.
  await panel.locator('a[href*="/book?"]').nth(1).click();

  await expect(page.getByRole("heading", { name: "Book a consultation" })).toBeVisible();
  await expect(page.getByText("Confirmed as soon as you pay the deposit")).toBeVisible();
  await answerIntake(page, "Chronic back pain");
  await page.getByRole("button", { name: "Book this time" }).click();

  await expect(page).toHaveURL(/\/pay\//);
  await expect(page.getByText("Instant booking: your appointment is confirmed as soon as the deposit is paid.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Pay test deposit" }).click();

  await expect(page).toHaveURL(/\/patient\?paid=/);
  await expect(page.getByRole("status")).toContainText("Deposit paid. Your appointment with Dr. Samuel Okafor is confirmed");
  const booking = page.getByRole("listitem").filter({ hasText: "Dr. Samuel Okafor" }).first();
  await expect(booking.getByText("Confirmed", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/dev/outbox");
  const mail = page.getByRole("listitem").filter({ hasText: `to ${email} ·` }).filter({ hasText: "Confirmed: your appointment with Dr. Samuel Okafor" });
  await expect(mail.first()).toContainText("is booked and confirmed");
});
