import { type Page } from "@playwright/test";

/**
 * Fills the consultation intake with a migraine history (or another of the provider's conditions)
 * and "no" to every safety question.
 */
export async function answerIntake(page: Page, condition = "Chronic migraine") {
  await page.getByLabel("What would you like treated?").selectOption({ label: condition });
  await page.getByLabel("Describe your symptoms").fill("Headaches behind my right eye most afternoons.");
  await page.getByLabel("How long have you had them?").selectOption("1-5-years");
  await page.getByLabel(/Pain on a typical day/).selectOption("6");
  if (condition === "Chronic migraine") await page.getByLabel("Headache days in a typical month").fill("14");
  await page.getByRole("checkbox", { name: "Triptans" }).check();
  for (const question of ["Myasthenia gravis", "Pregnant", "An infection", "A reaction"]) {
    await page.getByRole("group", { name: new RegExp(question) }).getByLabel("No").check();
  }
  await page.getByLabel("Self-pay").check();
  await page.getByLabel(/I agree to share these answers/).check();
}
