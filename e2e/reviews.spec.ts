import { devices } from "@playwright/test";
import { signedIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

// Issue 15, part 3: a verified review after a completed visit. The patient starts from their
// dashboard and writes it on the profile; the provider replies; a visitor reports it; an admin
// hides it with a reason, and it stops showing and counting.

const PROFILE = "/providers/dr-maya-chen-md-new-york";
const TEXT = "Dr. Chen explained the plan clearly and answered every question.";

test("a patient reviews a completed visit, the provider replies, a visitor reports it and an admin hides it", async ({ browser }) => {
  // Four people and a dozen pages, each checked by axe: several minutes on a busy machine.
  test.setTimeout(240_000);

  // The seed gives Dr. Chen five reviews, and the demo patient a completed visit not yet reviewed.
  const patient = await signedIn(browser, "patient@example.com");
  await patient.goto("/patient");
  await expectNoSeriousA11yViolations(patient);
  await patient.getByRole("link", { name: "Write a review of Dr. Maya Chen" }).click();
  await expect(patient).toHaveURL(new RegExp(`${PROFILE}#write-review$`));
  await expect(patient.getByText("Usually confirms within", { exact: false })).toBeVisible();
  await expect(patient.getByRole("link", { name: /5 verified reviews/ })).toBeVisible();
  const form = patient.getByRole("form", { name: "Write a review" });
  await expectNoSeriousA11yViolations(patient);

  // No rating: refused with the field named, nothing posted.
  await form.getByRole("button", { name: "Post review" }).click();
  await expect(form.getByText("Choose a rating from 1 to 5 stars.")).toBeVisible();
  // Contact details are flagged while typing.
  await form.getByLabel(/Your review/).fill("Call me on 212 555 0100 or pat@example.com");
  await expect(form.getByRole("status")).toContainText("a phone number and an email address");
  await expectNoSeriousA11yViolations(patient);
  await form.getByLabel(/Your review/).fill(TEXT);
  await expect(form.getByText(/Reviews are public/)).toHaveCount(0);
  await form.getByLabel("5 stars: excellent").check();
  await form.getByRole("button", { name: "Post review" }).click();

  const mine = patient.getByRole("article", { name: "Review by Pat P." });
  await expect(mine).toContainText(TEXT);
  await expect(patient.getByRole("link", { name: /6 verified reviews/ })).toBeVisible();
  await expect(patient.getByText("You have reviewed Dr. Maya Chen.", { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(patient);
  await patient.goto("/patient");
  await expect(patient.getByRole("link", { name: "Write a review of Dr. Maya Chen" })).toHaveCount(0);

  // The provider replies, once.
  const provider = await signedIn(browser, "provider@example.com");
  await provider.goto("/provider");
  await provider.getByRole("link", { name: "Reviews" }).click();
  await expect(provider.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  await expectNoSeriousA11yViolations(provider);
  const reply = provider.getByRole("form", { name: "Reply to Pat P." });
  await reply.getByLabel("Your reply to Pat P.").fill("Thank you, Pat. See you at the next visit.");
  provider.once("dialog", (dialog) => void dialog.accept());
  await reply.getByRole("button", { name: "Post reply" }).click();
  await expect(provider.getByRole("article", { name: "Review by Pat P." })).toContainText("Thank you, Pat.");
  await expect(provider.getByRole("form", { name: "Reply to Pat P." })).toHaveCount(0);
  await expectNoSeriousA11yViolations(provider);

  // A visitor, not signed in, reports it.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(PROFILE);
  const review = visitor.getByRole("article", { name: "Review by Pat P." });
  await expect(review).toContainText("Reply from Dr. Maya Chen");
  await review.locator("summary", { hasText: "Report" }).click();
  const report = visitor.getByRole("form", { name: "Report the review by Pat P." });
  await report.getByRole("button", { name: "Send report" }).click();
  await expect(report.getByText("Choose why you are reporting this review.")).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);
  await report.getByLabel("Why should an admin look at it?").selectOption("not_genuine");
  await report.getByLabel("Anything to add (optional)").fill("Checking the moderation queue");
  await report.getByRole("button", { name: "Send report" }).click();
  await expect(review.getByRole("status")).toContainText("An admin will look at this review.");

  // The admin hides it with a reason; it leaves the profile and the count, and the audit log has it.
  const admin = await signedIn(browser, "admin@example.com");
  await admin.goto("/admin/licenses");
  await admin.getByRole("link", { name: "Reviews" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  const reported = admin.getByRole("region", { name: "Reported" });
  await expect(reported).toContainText(TEXT);
  await expect(reported).toContainText("It does not describe a real visit: Checking the moderation queue");
  await expectNoSeriousA11yViolations(admin);
  const hide = admin.getByRole("form", { name: "Hide the review by Pat P. of Dr. Maya Chen" });
  await hide.getByLabel("Reason for hiding").fill("Test of moderation");
  admin.once("dialog", (dialog) => void dialog.accept());
  await hide.getByRole("button", { name: /Hide/ }).click();
  await expect(admin.getByRole("region", { name: "Hidden" })).toContainText("Test of moderation");
  await expect(reported).not.toContainText(TEXT);
  await expectNoSeriousA11yViolations(admin);
  await admin.goto("/admin/audit?action=review.");
  await expect(admin.getByText("review.hide").first()).toBeVisible();

  await visitor.reload();
  await expect(visitor.getByRole("article", { name: "Review by Pat P." })).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: /5 verified reviews/ })).toBeVisible();
  await patient.goto(PROFILE);
  await expect(patient.getByText("A moderator hid your review of Dr. Maya Chen")).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, userAgent: devices["iPhone 13"].userAgent });

  test("the profile's reviews and the report form fit and pass axe", async ({ page }) => {
    await page.goto(PROFILE);
    await expect(page.getByRole("heading", { name: "Patient reviews" })).toBeVisible();
    await page.getByRole("article", { name: "Review by Jamie R." }).locator("summary", { hasText: "Report" }).click();
    await expect(page.getByRole("form", { name: "Report the review by Jamie R." })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
  });
});
