import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signedIn, signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";

const PASSWORD = "a long enough password";

/** Signs up a new patient in a fresh browser context; returns its page on /account. */
async function newPatient(browser: Browser, name: string): Promise<{ page: Page; email: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`;
  const page = await (await browser.newContext()).newPage();
  await signUpAndVerify(page, { name, email, password: PASSWORD });
  await expect(page).toHaveURL(/\/account$/);
  return { page, email };
}

/** A second browser signed in as `email`. */
async function anotherDevice(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

test("a copy of the session cookie taken before signing out no longer opens the account", async ({ browser }) => {
  const { page } = await newPatient(browser, "Casey Copy");
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);

  // The stolen copy, put back into a browser that never signed out.
  const thief = await (await browser.newContext()).newPage();
  await thief.context().addCookies(copied);
  await thief.goto("/account");
  await expect(thief).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
});

test("signing out of all devices ends the sessions on every other browser too", async ({ browser }) => {
  // A sign-up, a second sign-in and two accessibility scans.
  test.slow();
  const { page, email } = await newPatient(browser, "Dana Devices");
  const laptop = await anotherDevice(browser, email);
  await expect(page.getByText("30 days after your last visit")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Cancelling the confirmation changes nothing.
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("button", { name: "Sign out of all devices" }).click();
  await laptop.reload();
  await expect(laptop.getByRole("heading", { name: "Your account" })).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
  await expect(page.getByRole("status")).toHaveText("You are signed out on every device.");
  await expectNoSeriousA11yViolations(page);

  await laptop.goto("/account");
  await expect(laptop).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
});

test("an admin disables a patient, who is signed out at once and cannot sign in until enabled", async ({ browser }) => {
  // Two people in two browsers, with a sign-up and three sign-ins.
  test.slow();
  const { page: patient, email } = await newPatient(browser, "Eli Disabled");
  const admin = await signedIn(browser, "admin@example.com");
  admin.on("dialog", (dialog) => dialog.accept());
  await admin.goto("/admin/accounts");
  await admin.getByLabel("Email").fill(email.toUpperCase());
  await admin.getByRole("button", { name: "Search" }).click();
  await expect(admin.getByText("1 account; disabled ones first.")).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  // The row re-renders as a disabled account, with the reason and an Enable button in place of the form.
  const row = admin.getByRole("listitem").filter({ hasText: email });
  await row.getByLabel("Reason").fill("Booking under false names");
  await row.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(row.getByRole("button", { name: `Enable ${email}` })).toBeVisible();
  await expect(row).toContainText(/disabled .*: Booking under false names/);

  await patient.goto("/account");
  await expect(patient).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await patient.getByLabel("Email").fill(email);
  await patient.getByLabel("Password").fill(PASSWORD);
  await patient.getByRole("button", { name: "Sign in" }).click();
  await expect(patient.getByRole("alert").filter({ hasText: "suspended or closed" })).toBeVisible();

  await row.getByRole("button", { name: `Enable ${email}` }).click();
  await expect(row.getByRole("button", { name: `Disable ${email}` })).toBeVisible();
  await expect(row).toContainText("active");
  await patient.getByLabel("Password").fill(PASSWORD);
  await patient.getByRole("button", { name: "Sign in" }).click();
  await expect(patient).toHaveURL(/\/account$/);
});
