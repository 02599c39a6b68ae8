import { SIGN_UP_SENT, verifyAndSignIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { fromFreshAddress } from "./support/outbox";
import { expect, test } from "./support/test";

const DEMO_PASSWORD = "relief-demo-1";

test("a patient signs up, confirms the address, sees their account, signs out and is asked to sign in again", async ({ page }) => {
  const email = `Jordan.${Date.now()}@Example.com`;
  await fromFreshAddress(page);
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Jordan Rivera");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Full name")).toHaveValue("Jordan Rivera");

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(SIGN_UP_SENT);
  await verifyAndSignIn(page, email, "a long enough password");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("Jordan Rivera");
  await expect(page.getByText("Patient", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
});

test("signing up with a taken address, whatever its letter case, answers as for a new one and signs nobody in", async ({ page }) => {
  await fromFreshAddress(page);
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("Email").fill("PATIENT@example.com");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(SIGN_UP_SENT);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
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

test("5 wrong passwords lock an email at that address only, for pages and the API alike; its owner elsewhere signs in", async ({ browser }) => {
  test.slow();
  const attacker = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66" } });
  const page = await attacker.newPage();
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

  // A client posting to Auth.js directly, with the CSRF token it must fetch first.
  const { csrfToken } = (await (await attacker.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const api = await attacker.request.post("/api/auth/callback/credentials", { form: { email: "patient2@example.com", password: DEMO_PASSWORD, csrfToken }, maxRedirects: 0 });
  expect(api.status()).toBe(429);
  expect((await api.json()).error.message).toMatch(/Try again in \d+ minutes?/);
  expect(api.headers()["retry-after"]).toMatch(/^\d+$/);

  const owner = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.23" } })).newPage();
  await owner.goto("/sign-in");
  await owner.getByLabel("Email").fill("patient2@example.com");
  await owner.getByLabel("Password").fill(DEMO_PASSWORD);
  await owner.getByRole("button", { name: "Sign in" }).click();
  await expect(owner).toHaveURL(/\/account$/);
});

test("dashboards send anonymous visitors to sign in", async ({ page }) => {
  await page.goto("/admin/licenses");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Flicenses/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
