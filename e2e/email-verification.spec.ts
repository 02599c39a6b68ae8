import type { Page } from "@playwright/test";
import { SIGN_UP_SENT, signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { fromFreshAddress, newestLinkTo } from "./support/outbox";
import { expect, test } from "./support/test";

const MAYA = "/providers/dr-maya-chen-md-new-york";
const PASSWORD = "a long enough password";

async function signUpOnly(page: Page, name: string, email: string) {
  await fromFreshAddress(page);
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  return (await page.getByRole("status").innerText()).replace(email, "(the address)");
}

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A free follow-up time on Maya Chen's profile (no deposit); returns the booking page's URL. */
async function chooseFreeTime(page: Page): Promise<string> {
  await page.goto(MAYA);
  const panel = page.getByRole("region", { name: "Book a consultation" });
  const followUp = await panel.getByLabel("Appointment").locator("option", { hasText: "Follow-up" }).getAttribute("value");
  await panel.getByLabel("Appointment").selectOption(followUp!);
  await panel.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Request a consultation" })).toBeVisible();
  return page.url();
}

test("sign-up answers a taken address as a new one; an unverified patient cannot book, asks for the link again, and it returns to the chosen time", async ({ page }) => {
  // Sign-ups, sign-ins and several accessibility scans: more than test.slow()'s 90 s on a busy machine.
  test.setTimeout(150_000);
  const email = `unverified.${Date.now()}@example.com`;
  const forNew = await signUpOnly(page, "Uma Unverified", email);
  expect(forNew).toContain(SIGN_UP_SENT);
  await expectNoSeriousA11yViolations(page);
  expect(await signUpOnly(page, "Not Robin", "patient2@example.com")).toBe(forNew);
  // Neither signed anyone in.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);

  // The account signs in, but says what is missing.
  await signIn(page, email);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toContainText("you cannot send booking requests");
  await expectNoSeriousA11yViolations(page);

  const bookUrl = await chooseFreeTime(page);
  const notice = page.getByRole("region", { name: "Confirm your email address" });
  await expect(notice).toContainText("Your chosen time stays selected");
  await expect(page.getByLabel("Describe your symptoms")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The JSON API refuses it too.
  const url = new URL(bookUrl);
  const refused = await page.request.post("/api/bookings", {
    data: {
      providerSlug: "dr-maya-chen-md-new-york",
      appointmentTypeId: url.searchParams.get("type"),
      locationId: url.searchParams.get("location"),
      start: url.searchParams.get("start"),
      intake: { condition: "chronic-migraine", symptoms: "Headaches", duration: "1-5-years", painScore: 5, headacheDaysPerMonth: 15, safety: { neuromuscularDisease: "no", pregnantOrBreastfeeding: "no", infectionAtSite: "no", priorReaction: "no" }, payment: "self-pay", consent: "yes" },
    },
  });
  expect(refused.status(), await refused.text()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ code: "email_unverified" });

  await notice.getByRole("button", { name: "Send the link again" }).click();
  await expect(notice.getByRole("status")).toContainText(`We sent a new link to ${email}`);
  const link = await newestLinkTo(page, email, "/verify-email");
  expect(link).toContain(`next=${encodeURIComponent(url.pathname + url.search)}`);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your email" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  // Signed in already, so straight back to the chosen time, now with the intake.
  await expect(page).toHaveURL(bookUrl);
  await expect(page.getByLabel("Describe your symptoms")).toBeVisible();
  await expect(page.getByRole("region", { name: "Confirm your email address" })).toHaveCount(0);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();
});

test("a patient changes their email: the new address confirms it, the old one is told, and sign-in moves to the new one", async ({ page }) => {
  // Sign-ups, sign-ins and several accessibility scans: more than test.slow()'s 90 s on a busy machine.
  test.setTimeout(150_000);
  const stamp = Date.now();
  const oldEmail = `mover.${stamp}@example.com`;
  const newEmail = `moved.${stamp}@example.com`;
  await signUpAndVerify(page, { name: "Morgan Mover", email: oldEmail, password: PASSWORD });
  await expect(page).toHaveURL(/\/account$/);
  const section = page.getByRole("region", { name: "Change email" });
  await expectNoSeriousA11yViolations(page);

  await section.getByLabel("New email address").fill(newEmail);
  await section.getByLabel("Current password").fill("not my password");
  await section.getByRole("button", { name: "Email me a link to confirm" }).click();
  await expect(section.getByText("That is not your current password.")).toBeVisible();
  await expect(section.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await section.getByLabel("Current password").fill(PASSWORD);
  await section.getByRole("button", { name: "Email me a link to confirm" }).click();
  await expect(section.getByRole("status")).toContainText(`We sent a link to ${newEmail}`);
  // Nothing changes until the link is opened.
  await page.reload();
  await expect(page.getByText(oldEmail, { exact: true })).toBeVisible();

  await page.goto(await newestLinkTo(page, newEmail, "/verify-email"));
  await expect(page.getByRole("heading", { name: "Confirm your new email" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Confirm the new address" }).click();
  await expect(page).toHaveURL(/\/account\?email=changed$/);
  await expect(page.getByRole("status").first()).toContainText(`Your email address is now ${newEmail}.`);

  await page.goto("/dev/outbox");
  await expect(page.getByRole("listitem").filter({ hasText: `to ${oldEmail} ·` }).filter({ hasText: "Your Relief Finder email was changed" })).toContainText(newEmail);

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, oldEmail);
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await signIn(page, newEmail);
  await expect(page).toHaveURL(/\/account$/);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  const fits = async (page: Page) => {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
  };

  test("sign-up's answer, the verify page, the unverified account with its change-email form and the booking page's notice fit the screen", async ({ page }) => {
    // Sign-ups, sign-ins and several accessibility scans: more than test.slow()'s 90 s on a busy machine.
    test.setTimeout(150_000);
    const email = `phone.${Date.now()}@example.com`;
    await signUpOnly(page, "Pat Phone", email);
    await fits(page);
    const link = await newestLinkTo(page, email, "/verify-email");
    await signIn(page, email);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("region", { name: "Confirm your email address" })).toBeVisible();
    await fits(page);
    await chooseFreeTime(page);
    await expect(page.getByRole("region", { name: "Confirm your email address" })).toBeVisible();
    await fits(page);
    await page.goto(link);
    await fits(page);
  });

  test("a spent or broken verify link fits the screen", async ({ page }) => {
    await page.goto("/verify-email?token=not-a-link");
    await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();
    await fits(page);
  });
});
