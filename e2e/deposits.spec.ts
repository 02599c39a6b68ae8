import { signedIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { answerIntake } from "./support/intake";
import { expect, test } from "./support/test";

test("a deposit is paid in test-payment mode, the provider declines, and the patient sees the refund", async ({ browser }) => {
  test.slow();
  const patient = await signedIn(browser, "patient@example.com");
  await patient.goto("/providers/dr-maya-chen-md-new-york");
  const panel = patient.getByRole("region", { name: "Book a consultation" });
  await expect(panel.getByText("$50 deposit to hold the time")).toBeVisible();
  // The third free time, so this test never races the booking test for the first.
  await panel.getByRole("link").nth(2).click();
  await expect(patient.getByText(/\$50 deposit holds this time for 30 minutes/)).toBeVisible();
  await answerIntake(patient);
  await patient.getByRole("button", { name: "Send request" }).click();

  await expect(patient).toHaveURL(/\/pay\//);
  await expect(patient.getByRole("heading", { name: "Test-payment mode" })).toBeVisible();
  await expect(patient.getByText("In full if the provider declines or cancels")).toBeVisible();
  await expectNoSeriousA11yViolations(patient);
  await patient.getByRole("button", { name: "Pay test deposit" }).click();

  await expect(patient).toHaveURL(/\/patient\?paid=/);
  await expect(patient.getByRole("status")).toContainText("Deposit paid. Your request is with Dr. Maya Chen");
  const card = patient.getByRole("listitem").filter({ hasText: "Requested" }).filter({ hasText: "Dr. Maya Chen" });
  await expect(card.getByText(/Deposit \$50 paid on .* receipt pi_test_local_/)).toBeVisible();

  const provider = await signedIn(browser, "provider@example.com");
  await provider.goto("/provider/requests");
  const request = provider.getByRole("listitem", { name: "Request from Pat Patient" });
  await expect(request.getByText(/Deposit \$50 paid/)).toBeVisible();
  provider.on("dialog", (dialog) => dialog.accept());
  await request.getByLabel("Reason for declining").fill("I am not taking new migraine patients this month");
  await request.getByRole("button", { name: /^Decline/ }).click();
  await expect(request).toHaveCount(0);

  await expect(async () => {
    await patient.reload();
    const declined = patient.getByRole("listitem").filter({ hasText: "Declined: I am not taking new migraine patients this month" });
    await expect(declined.getByText(/Deposit \$50 refunded/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  // The reason is read in the app only: the email says where to read it.
  await patient.goto("/dev/outbox");
  const emails = patient.getByRole("listitem").filter({ has: patient.getByRole("heading", { level: 2 }) });
  await expect(emails.filter({ hasText: "Dr. Maya Chen could not take your request" }).first()).toContainText("Their reason is on your bookings page.");
  for (const text of await emails.allTextContents()) expect(text).not.toMatch(/not taking new migraine patients|migraine|botox/i);

  // The provider reads their own reason on the booking's page.
  await provider.goto("/provider/requests");
  await provider.getByRole("listitem", { name: "Booking with Pat Patient" }).filter({ hasText: "Declined" }).first().getByRole("link", { name: /^Details/ }).click();
  await expect(provider.getByText("You declined: I am not taking new migraine patients this month")).toBeVisible();
});
