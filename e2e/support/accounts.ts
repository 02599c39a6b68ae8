import { expect, type Browser, type Page } from "@playwright/test";
import { npiCheckDigit } from "../../lib/licensing/npi";
import { fromFreshAddress, newestLinkTo } from "./outbox";

export const DEMO_PASSWORD = "relief-demo-1";

/** A fresh browser context signed in as `email`, so several people can act in one test. */
export async function signedIn(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

export const SIGN_UP_SENT = "Check your email to finish creating your account.";

/**
 * Signs up on `page` as a new person would: the form, the link from the dev outbox, the button on
 * /verify-email, then signing in, which lands where sign-up was headed (`/account`, `/provider`,
 * or the `callbackUrl` of the sign-up page).
 */
export async function signUpAndVerify(
  page: Page,
  { name, email, password = "a long enough password", role = "patient", callbackUrl }: { name: string; email: string; password?: string; role?: "patient" | "provider"; callbackUrl?: string },
): Promise<void> {
  await fromFreshAddress(page);
  const query = new URLSearchParams({ ...(role === "provider" ? { role } : {}), ...(callbackUrl ? { callbackUrl } : {}) }).toString();
  await page.goto(`/sign-up${query ? `?${query}` : ""}`);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(SIGN_UP_SENT);
  await verifyAndSignIn(page, email, password);
}

/** Opens the newest verification link sent to `email`, confirms, and signs in where it leads. */
export async function verifyAndSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(await newestLinkTo(page, email.toLowerCase(), "/verify-email"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/sign-in\?verified=1/);
  await expect(page.getByRole("status")).toContainText("Your email address is confirmed.");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Signs up a new provider in a fresh context and returns the page on their dashboard. */
export async function signUpProvider(browser: Browser, name: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUpAndVerify(page, { name, email, role: "provider" });
  await expect(page).toHaveURL(/\/provider$/);
  return page;
}

/** A 10-digit NPI with a correct check digit that no seeded provider uses. */
export function freshNpi(): string {
  const nine = `2${String(Date.now()).slice(-8)}`;
  return nine + npiCheckDigit(nine);
}

export function isoDateFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
