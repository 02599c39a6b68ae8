import { signedIn, signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { answerIntake } from "./support/intake";
import { expect, test } from "./support/test";

// Issue 14, part 5: the provider holds an insurance-paid treatment as awaiting authorization; the
// patient sees it, and a denial lets them cancel for a full refund whatever the window.
const MAYA = "/providers/dr-maya-chen-md-new-york";

test("a treatment awaiting the insurer's authorization, then denied, is cancelled by the patient in full", async ({ page, browser }) => {
  test.slow();
  const email = `auth.${Date.now()}@example.com`;
  await signUpAndVerify(page, { name: "Avery Insured", email, callbackUrl: MAYA });
  const panel = page.getByRole("region", { name: "Book a consultation" });
  const treatment = await panel.getByLabel("Appointment").locator("option", { hasText: /treatment|injection/i }).first().getAttribute("value");
  await panel.getByLabel("Appointment").selectOption(treatment!);
  // The fourth free time, so reruns and the other specs booking Dr. Chen still find one.
  await panel.locator('a[href*="/book?"]').nth(3).click();
  await answerIntake(page);
  await page.getByLabel("With insurance").check();
  await page.getByLabel("Insurance carrier").selectOption({ label: "Aetna" });
  await page.getByRole("button", { name: "Send request" }).click();
  // Dr. Chen's treatment may ask a deposit (db/seed draws it): paid here, it must come back in full.
  await expect(page).toHaveURL(/\/(pay\/|patient\?requested=)/);
  const deposit = page.url().includes("/pay/");
  if (deposit) {
    await page.getByRole("button", { name: "Pay test deposit" }).click();
    await expect(page).toHaveURL(/\/patient\?paid=/);
  }
  const { bookings } = (await (await page.request.get("/api/bookings")).json()) as { bookings: { id: string; appointmentTypeId: string }[] };
  const booking = bookings.find((b) => b.appointmentTypeId === treatment)!;

  const provider = await signedIn(browser, "provider@example.com");
  await provider.goto(`/provider/requests/${booking.id}`);
  const authorization = provider.getByRole("form", { name: "Prior authorization" });
  await authorization.getByLabel("Authorization").selectOption("submitted");
  await authorization.getByRole("button", { name: "Record" }).click();
  await expect(provider.getByRole("region", { name: "Insurance prior authorization" })).toContainText("Submitted; submitted");
  await expectNoSeriousA11yViolations(provider);

  await page.goto("/patient");
  const card = page.getByRole("listitem").filter({ hasText: "Dr. Maya Chen" }).filter({ hasText: "Awaiting authorization" });
  await expect(card).toContainText("Dr. Maya Chen asked your insurer to approve this treatment on");
  await expectNoSeriousA11yViolations(page);

  await authorization.getByLabel("Authorization").selectOption("denied");
  await authorization.getByRole("button", { name: "Record" }).click();
  await expect(provider.getByRole("region", { name: "Insurance prior authorization" })).toContainText("Denied; submitted");

  await page.reload();
  const denied = page.getByRole("listitem").filter({ hasText: "Your insurer did not authorize this treatment" });
  await expect(denied).toContainText("You can keep the visit at the self-pay price of $");
  await expectNoSeriousA11yViolations(page);
  page.on("dialog", (dialog) => dialog.accept());
  await denied.getByText("Cancel this booking").click();
  await denied.getByRole("button", { name: "Cancel booking" }).click();
  const cancelled = page.getByRole("listitem").filter({ hasText: "Dr. Maya Chen" }).filter({ hasText: "Cancelled by you" }).first();
  await expect(cancelled).toBeVisible();
  // Inside or outside the window, the deposit goes back whole.
  if (deposit) await expect(cancelled.getByText(/Refund of the \$[\d.,]+ deposit in progress|Deposit \$[\d.,]+ refunded/)).toBeVisible();

  await page.goto("/dev/outbox");
  await expect(page.getByRole("listitem").filter({ hasText: `to ${email} ·` }).filter({ hasText: "An update on your appointment with Dr. Maya Chen" }).first()).toBeVisible();
});
