import { signedIn, signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { answerIntake } from "./support/intake";
import { expect, test } from "./support/test";

// Dr. Maya Chen's clinic is in New York; she also holds a New Jersey license and has a video room
// (db/seed). A video visit is licensed where the patient is.
const MAYA = "/providers/dr-maya-chen-md-new-york";

test("a video visit is refused from a state the provider is not licensed in, accepted from one she is, and its link comes with the confirmation", async ({ page, browser }) => {
  test.slow();
  const email = `video.${Date.now()}@example.com`;
  await signUpAndVerify(page, { name: "Jordan Video", email, callbackUrl: MAYA });
  await expect(page).toHaveURL(MAYA);
  const panel = page.getByRole("region", { name: "Book a consultation" });
  const followUp = await panel.getByLabel("Appointment").locator("option", { hasText: "Follow-up" }).getAttribute("value");
  await panel.getByLabel("Appointment").selectOption(followUp!);
  await expect(panel.getByText("no deposit")).toBeVisible();
  // The third free time, so reruns and the other specs booking Dr. Chen still find one.
  await panel.locator('a[href*="/book?"]').nth(2).click();

  await expect(page.getByRole("heading", { name: "Request a consultation" })).toBeVisible();
  await answerIntake(page);
  await page.getByLabel("I would like this consultation by video").check();
  const state = page.getByLabel("The state you will be in for the video visit");
  await expect(page.getByText("Dr. Maya Chen can see patients by video in New Jersey and New York.")).toBeVisible();
  await state.selectOption({ label: "Texas" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Dr. Maya Chen can see patients by video in New Jersey and New York." })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The answers stay; from New Jersey the same request goes through.
  await expect(page.getByLabel("Describe your symptoms")).toHaveValue(/right eye/);
  await page.getByLabel("The state you will be in for the video visit").selectOption({ label: "New Jersey" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/patient\?requested=/);
  const card = page.getByRole("listitem").filter({ hasText: "Dr. Maya Chen" }).filter({ hasText: "By video" }).first();
  await expect(card.getByText("Requested")).toBeVisible();
  await expect(card.getByText("The link to join comes once Dr. Maya Chen confirms.")).toBeVisible();
  await expect(card.getByRole("link", { name: /Join the video visit/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const provider = await signedIn(browser, "provider@example.com");
  await provider.goto("/provider/requests");
  await provider.getByRole("listitem", { name: "Request from Jordan Video" }).getByRole("button", { name: /^Confirm/ }).click();
  await expect(provider.getByRole("listitem", { name: "Appointment with Jordan Video" })).toBeVisible();

  await page.reload();
  await expect(card.getByText("Confirmed")).toBeVisible();
  await expect(card.getByRole("link", { name: /Join the video visit/ })).toHaveAttribute("href", "https://video.example.com/chen-headache-clinic");

  await page.goto("/dev/outbox");
  const mail = page.getByRole("listitem").filter({ hasText: `to ${email} ·` }).filter({ hasText: "Confirmed: your appointment with Dr. Maya Chen" });
  await expect(mail.first()).toContainText("Join the video visit: https://video.example.com/chen-headache-clinic");
});
