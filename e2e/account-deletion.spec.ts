import type { Page } from "@playwright/test";
import { signUpAndVerify, signUpProvider } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

const PASSWORD = "a long enough password";

async function signUpPatient(page: Page, email: string) {
  await signUpAndVerify(page, { name: "Dana Departing", email, password: PASSWORD });
  await expect(page).toHaveURL(/\/account$/);
}

/** Deletes the signed-in account from /account: a wrong password first, then the confirmed form. */
async function deleteFromAccountPage(page: Page) {
  await page.goto("/account");
  await page.getByRole("link", { name: "Delete your account" }).click();
  await expect(page.getByRole("heading", { name: "Delete your account" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const form = page.getByRole("form", { name: "Delete your account" });
  page.once("dialog", (dialog) => void dialog.accept());
  await form.getByLabel("Your password").fill("not the password");
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(form.getByText("That is not your password. Nothing was changed.")).toBeVisible();

  // Cancelling the confirmation sends nothing.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await form.getByLabel("Your password").fill(PASSWORD);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account\/delete$/);

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("This cannot be undone.");
    void dialog.accept();
  });
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(page.getByRole("status")).toHaveText("Your account is deleted. We have emailed you a confirmation.");
}

async function cannotSignIn(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
}

test("a patient deletes their account after a wrong password, and it no longer signs in", async ({ page }) => {
  const email = `departing.${Date.now()}@example.com`;
  await signUpPatient(page, email);
  await deleteFromAccountPage(page);
  await cannotSignIn(page, email);
  await page.goto("/dev/outbox");
  await expect(page.getByRole("listitem").filter({ hasText: `to ${email}` }).filter({ hasText: "Your Relief Finder account was deleted" })).toHaveCount(1);
});

test("a provider deletes their account; the page says the listing leaves search", async ({ browser }) => {
  const email = `departing.provider.${Date.now()}@example.com`;
  const page = await signUpProvider(browser, "Dr. Dee Parting", email);
  await page.goto("/account/delete");
  await expect(page.getByText("Your listing leaves search at once; its name, biography and photos are removed.")).toBeVisible();
  await deleteFromAccountPage(page);
  await cannotSignIn(page, email);
});

test("the deletion page fits a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signUpPatient(page, `phone.departing.${Date.now()}@example.com`);
  await page.goto("/account/delete");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoSeriousA11yViolations(page);
});
