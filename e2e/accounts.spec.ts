import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";

const DEMO_PASSWORD = "relief-demo-1";

test("a patient signs up, sees their account, signs out and is asked to sign in again", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Jordan Rivera");
  await page.getByLabel("Email").fill(`Jordan.${Date.now()}@Example.com`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Full name")).toHaveValue("Jordan Rivera");

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("Jordan Rivera")).toBeVisible();
  await expect(page.getByText("Patient", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
});

test("an email can hold only one account, whatever its letter case", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("Email").fill("PATIENT@example.com");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/already exists/)).toBeVisible();
});

test("signing in returns to the page that asked for it", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("Admin", { exact: true })).toBeVisible();
});

test("after 5 failed sign-ins the account is locked for 15 minutes, for pages and the API alike", async ({ page, request }) => {
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill("patient2@example.com");
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form clears the password when the answer arrives; the alert alone may still be the last one's.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  }
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Too many attempts\. Try again in 15 minutes\./ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const api = await request.post("/api/auth/callback/credentials", {
    form: { email: "patient2@example.com", password: DEMO_PASSWORD },
  });
  expect(api.status()).toBe(429);
  expect((await api.json()).error.message).toMatch(/Try again in \d+ minutes?/);
  expect(api.headers()["retry-after"]).toMatch(/^\d+$/);
});

test("dashboards send anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/admin/licenses");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Flicenses/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
