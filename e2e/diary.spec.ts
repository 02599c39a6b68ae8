import { devices } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

// A patient keeps the diary on a phone: today in three taps, a missed day from the calendar, the
// month's numbers in the chart's table, and a day deleted after confirming.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, userAgent: devices["iPhone 13"].userAgent });

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("a patient records today and a missed day, sees them counted, and deletes one", async ({ page }) => {
  test.slow();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("patient2@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.goto("/patient");
  await page.getByRole("link", { name: "Diary" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your headache and pain diary" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Today: yes, peak pain 7, save.
  const today = page.getByRole("form", { name: /Diary entry for today/ });
  await today.getByText("Yes", { exact: true }).click();
  await today.getByText("7", { exact: true }).click();
  await today.getByLabel(/Migraine-like/).check();
  await today.getByRole("button", { name: /Save (this day|changes)/ }).click();
  await expect(today.getByRole("status")).toContainText("Saved");

  // Yesterday, from the calendar: no headache.
  const yesterday = isoDay(-1);
  await page.goto(`/patient/diary?day=${yesterday}`);
  const missed = page.getByRole("form", { name: /Diary entry for/ });
  await missed.getByText("No", { exact: true }).click();
  await expect(missed.getByText("Peak pain")).toHaveCount(0);
  await missed.getByRole("button", { name: /Save (this day|changes)/ }).click();
  await expect(missed.getByRole("status")).toContainText("Saved");

  // The chart's table counts today's headache and migraine day in this month.
  await page.reload();
  const month = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDay(0)}T00:00:00Z`));
  const row = page.getByRole("table", { name: /Days per month/ }).getByRole("row", { name: new RegExp(month) });
  await expect(row.getByRole("cell").first()).not.toHaveText("0");
  await expect(page.getByRole("link", { name: /headache or pain recorded/ }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);

  // Deleting asks first: dismissed, nothing changes; accepted, the day is unrecorded again.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "Delete this day's entry" }).click();
  await expect(page.getByRole("heading", { name: /Your entry for/ })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete this day's entry" }).click();
  await expect(page.getByRole("heading", { name: /How was/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: /How was/ })).toBeVisible();
});

test("a questionnaire total outside its range is refused with the range named", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("patient@example.com");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/patient/diary");
  const form = page.getByRole("form", { name: "Record a questionnaire total" });
  await form.getByLabel("Form").selectOption("HIT-6");
  await form.getByLabel("Total").fill("90");
  await form.getByRole("button", { name: "Save total" }).click();
  await expect(form.getByText("A HIT-6 total is 36 to 78.")).toBeVisible();
  await form.getByLabel("Total").fill("61");
  await form.getByRole("button", { name: "Save total" }).click();
  await expect(form.getByRole("status")).toContainText("severe impact");
  await expect(page.getByRole("table", { name: /Questionnaire totals/ })).toContainText("61");
});
