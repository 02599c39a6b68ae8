import { expect, type Browser, type Page } from "@playwright/test";
import { npiCheckDigit } from "../../lib/licensing/npi";

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

/** Signs up a new provider in a fresh context and returns the page on their dashboard. */
export async function signUpProvider(browser: Browser, name: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-up?role=provider");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
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
