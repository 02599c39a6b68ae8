import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { signedIn, signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

const PASSWORD = "my first password";
const NEW_PASSWORD = "my second password";

async function signUp(page: Page, name: string, email: string) {
  await signUpAndVerify(page, { name, email, password: PASSWORD });
  await expect(page).toHaveURL(/\/account$/);
}

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a patient renames the account, turns reminders off and changes the password, which signs out only the other devices", async ({ page, browser }) => {
  test.slow();
  const email = `settings.${Date.now()}@example.com`;
  await signUp(page, "Sasha Settings", email);
  const laptop = await (await browser.newContext()).newPage();
  await signInWith(laptop, email, PASSWORD);
  await expect(laptop).toHaveURL(/\/account$/);

  await page.goto("/account");
  await expectNoSeriousA11yViolations(page);
  const details = page.getByRole("form", { name: "Your name" });
  await details.getByLabel("Name").fill("");
  await details.getByRole("button", { name: "Save name" }).click();
  await expect(details.getByText("Enter your name.")).toBeVisible();
  await details.getByLabel("Name").fill("Sasha S. Settings");
  await details.getByRole("button", { name: "Save name" }).click();
  await expect(details.getByRole("status")).toHaveText("Your name is saved.");

  const notifications = page.getByRole("form", { name: "Notifications" });
  const reminders = notifications.getByLabel("Email me reminders a week and a day before a confirmed visit");
  await expect(reminders).toBeChecked();
  await reminders.uncheck();
  await notifications.getByLabel("Email me once a day to fill in my diary").check();
  await notifications.getByRole("button", { name: "Save notification settings" }).click();
  await expect(notifications.getByRole("status")).toContainText("Visit reminders are off");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("Sasha S. Settings");
  await expect(page.getByLabel("Email me reminders a week and a day before a confirmed visit")).not.toBeChecked();
  await expect(page.getByLabel("Email me once a day to fill in my diary")).toBeChecked();

  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your new password is saved, and your other devices were signed out.");

  // This browser stays signed in; the other one does not, and the old password no longer works.
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await laptop.goto("/account");
  await expect(laptop).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await signInWith(laptop, email, PASSWORD);
  await expect(laptop.getByText("That email and password don't match an account.")).toBeVisible();
  await signInWith(laptop, email, NEW_PASSWORD);
  await expect(laptop).toHaveURL(/\/account$/);

  await page.goto("/dev/outbox");
  for (const subject of ["The name on your Relief Finder account was changed", "Your Relief Finder password was changed"]) {
    await expect(page.getByRole("listitem").filter({ hasText: `to ${email}` }).filter({ hasText: subject })).toHaveCount(1);
  }
});

test("the account pages work at phone width", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signUp(page, "Pat Phone", `phone.settings.${Date.now()}@example.com`);
  for (const path of ["/account", "/account/password"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} fits 375 px`).toBeLessThanOrEqual(375);
    await expectNoSeriousA11yViolations(page);
  }
});

test("a patient downloads everything held about them as one JSON file", async ({ browser }) => {
  const page = await signedIn(browser, "patient@example.com");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download your data (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^relief-finder-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(data.account).toMatchObject({ email: "patient@example.com", role: "patient" });
  expect(data.bookings.length).toBeGreaterThan(0);
  expect(data.bookings[0].intake).toHaveProperty("condition");
  expect(data.diary.entries.length).toBeGreaterThan(100);
  expect(Array.isArray(data.disclosures)).toBe(true);
});
