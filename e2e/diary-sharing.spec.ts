import { signedIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

// Issue 14, parts 4 and 5: Dr. Chen sees Pat Patient's diary, scores and treatments, and can print
// a prior-authorization summary, only once Pat allows it from their bookings page, and no longer
// once Pat stops sharing.

test("a provider sees a patient's diary only after the patient allows it", async ({ browser }) => {
  test.slow();
  const provider = await signedIn(browser, "provider@example.com");
  const openPatBooking = async () => {
    await provider.goto("/provider/requests");
    await provider.locator('li[aria-label$="with Pat Patient"] a[href^="/provider/requests/"]').first().click();
    await expect(provider.getByRole("heading", { name: "Intake of Pat Patient" })).toBeVisible();
  };
  await openPatBooking();
  await expect(provider.getByRole("link", { name: "diary, scores and treatment response" })).toHaveCount(0);

  const patient = await signedIn(browser, "patient@example.com");
  await patient.goto("/patient");
  const sharing = patient.getByRole("region", { name: "Who sees your diary" });
  await expect(sharing).toContainText("Dr. Maya Chen: cannot see your diary");
  await sharing.getByRole("form", { name: "Share your diary with Dr. Maya Chen" }).getByRole("button", { name: "Share my diary" }).click();
  await expect(sharing.getByRole("status")).toContainText("Dr. Maya Chen can now see your diary");
  await expect(sharing).toContainText("Dr. Maya Chen: can see your diary");
  await expectNoSeriousA11yViolations(patient);

  await openPatBooking();
  await provider.getByRole("link", { name: "diary, scores and treatment response" }).click();
  await expect(provider.getByRole("heading", { name: "Progress of Pat Patient" })).toBeVisible();
  await expect(provider.getByRole("region", { name: "Treatments with any provider" })).toContainText("with Dr. Maya Chen: Botox (onabotulinumtoxinA), 155 units");
  await expect(provider.getByRole("figure", { name: "Days per month" })).toBeVisible();
  await expect(provider.getByRole("region", { name: "Treatment response" })).toContainText("Baseline:");
  await expectNoSeriousA11yViolations(provider);
  const progressUrl = provider.url();

  // The printable prior-authorization summary: each criterion with its status and evidence.
  await provider.getByRole("link", { name: "Prior authorization summary for chronic migraine" }).click();
  await expect(provider.getByRole("heading", { name: "Prior authorization summary: chronic migraine" })).toBeVisible();
  const criteria = provider.getByRole("region", { name: "Criteria" });
  await expect(criteria.getByRole("listitem")).toHaveCount(5);
  await expect(criteria).toContainText("At least 15 headache days a month for 3 months");
  await expect(criteria).toContainText("No re-treatment sooner than 12 weeks");
  await expect(provider.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await expectNoSeriousA11yViolations(provider);

  await patient.reload();
  await sharing.getByRole("form", { name: "Stop sharing your diary with Dr. Maya Chen" }).getByRole("button", { name: "Stop sharing" }).click();
  await expect(sharing.getByRole("status")).toContainText("Dr. Maya Chen can no longer see your diary");
  // The provider area streams behind its loading state, so "not found" arrives as the page, not a status.
  await provider.goto(progressUrl);
  await expect(provider.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await expect(provider.getByText("Progress of Pat Patient")).toHaveCount(0);
});
