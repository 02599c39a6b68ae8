import { isoDateFromNow, signedIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

const MAYA = "/providers/dr-maya-chen-md-new-york";

test("a provider's time off takes their free times off the profile, and removing it brings them back", async ({ browser }) => {
  test.slow();
  const provider = await signedIn(browser, "provider@example.com");
  provider.on("dialog", (dialog) => dialog.accept());
  await provider.goto("/provider/schedule");
  await expect(provider.getByRole("heading", { name: "Weekly hours" })).toBeVisible();
  await expectNoSeriousA11yViolations(provider);

  // A day that cannot be read is explained beside it, and nothing is saved.
  const hours = provider.getByRole("form", { name: /^Hours at/ });
  await hours.getByLabel("Saturday").fill("17:00-9:00");
  await hours.getByRole("button", { name: /Save hours/ }).click();
  await expect(hours.getByText("In “17:00-9:00” the end must be after the start.")).toBeVisible();
  await expect(hours.getByLabel("Saturday")).toHaveAttribute("aria-invalid", "true");

  const timeOff = provider.getByRole("form", { name: "Add time off" });
  await timeOff.getByLabel("From", { exact: true }).fill(isoDateFromNow(-1));
  await timeOff.getByLabel("Until", { exact: true }).fill(isoDateFromNow(15));
  await timeOff.getByLabel("Note (only you see it)").fill("Conference and holiday");
  await timeOff.getByRole("button", { name: "Add time off" }).click();
  await expect(timeOff.getByRole("status")).toContainText(/Time off added/);

  const patientView = await browser.newPage();
  await patientView.goto(MAYA);
  const panel = patientView.getByRole("region", { name: "Book a consultation" });
  await expect(panel.getByText(/No free times between/)).toBeVisible();

  await provider.getByRole("listitem").filter({ hasText: "Conference and holiday" }).getByRole("button", { name: "Remove" }).click();
  await expect(provider.getByText("Conference and holiday")).toHaveCount(0);
  await patientView.reload();
  await expect(panel.getByRole("link").first()).toBeVisible();
});
