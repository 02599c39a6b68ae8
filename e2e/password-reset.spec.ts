import type { Page } from "@playwright/test";
import { signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

const PASSWORD = "the password I forgot";
const NEW_PASSWORD = "the password I chose";

/** The path of the newest reset link emailed to `email`, read from the dev outbox as its owner would read the email. */
async function resetLinkFor(page: Page, email: string): Promise<string> {
  await page.goto("/dev/outbox");
  const mail = page.getByRole("listitem").filter({ hasText: `to ${email}` }).filter({ hasText: "Reset your Relief Finder password" }).first();
  const match = /http:\/\/[^/\s]+(\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(await mail.innerText());
  expect(match, "a reset link in the email").not.toBeNull();
  return match![1]!;
}

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a patient who forgot their password resets it from the emailed link, and every other device is signed out", async ({ page, browser }) => {
  test.slow();
  const email = `forgetful.${Date.now()}@example.com`;
  await signUpAndVerify(page, { name: "Frankie Forgetful", email, password: PASSWORD });
  await expect(page).toHaveURL(/\/account$/);
  const laptop = await (await browser.newContext()).newPage();
  await signInWith(laptop, email, PASSWORD);
  await expect(laptop).toHaveURL(/\/account$/);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses that address, we have emailed it a link");

  const link = await resetLinkFor(page, email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("New password").fill("too short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(page.getByRole("status")).toContainText("Your password is changed and every device was signed out.");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await laptop.goto("/account");
  await expect(laptop).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();
  await page.goto("/dev/outbox");
  await expect(page.getByRole("listitem").filter({ hasText: `to ${email}` }).filter({ hasText: "Your Relief Finder password was changed" })).toHaveCount(1);
});

test("the forgot-password page answers an address without an account exactly as one with", async ({ page }) => {
  const answers: string[] = [];
  for (const email of ["patient2@example.com", `nobody.${Date.now()}@example.com`]) {
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    answers.push(await page.getByRole("status").innerText());
  }
  expect(answers[1]).toBe(answers[0]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  for (const path of ["/forgot-password", "/reset-password?token=not-a-link"]) {
    test(`${path} fits the screen and has no serious accessibility violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page);
    });
  }
});
