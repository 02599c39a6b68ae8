import { type Page } from "@playwright/test";
import { freshNpi, isoDateFromNow, signedIn, signUpProvider } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

// A provider goes from sign-up to search only through an admin's verification.

async function fillListing(page: Page) {
  await page.getByRole("link", { name: "Start your listing" }).click();
  await expect(page.getByRole("heading", { name: "Start your listing" })).toBeVisible();
  await page.getByLabel("Credential").selectOption("DO");
  await page.getByLabel("Specialty").fill("Physical medicine");
  await page.getByLabel("Years in practice").fill("11");
  await page.getByRole("checkbox", { name: "Chronic migraine" }).check();
  await page.getByLabel("Years treating it (Chronic migraine)").fill("7");
  // The consultation's price is its appointment type's, set on the schedule page, not here.
  await expect(page.getByLabel("Consultation fee ($)")).toHaveCount(0);
  await page.getByLabel("Self-pay price per unit ($)").fill("abc");
  await page.getByRole("button", { name: "Create listing" }).click();
  // A field error keeps everything typed so far.
  await expect(page.getByText("Enter the price per unit in dollars, up to $100, or leave it empty.")).toBeVisible();
  await expect(page.getByLabel("Specialty")).toHaveValue("Physical medicine");
  await expect(page.getByLabel("Self-pay price per unit ($)")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Self-pay price per unit ($)").fill("13");
  await page.getByRole("checkbox", { name: "Aetna" }).check();
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Listing saved." })).toBeVisible();
}

async function addLocation(page: Page) {
  await page.getByRole("navigation", { name: "Provider dashboard" }).getByRole("link", { name: "Locations" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Downtown clinic");
  await page.getByLabel("Street address").fill("500 Congress Ave");
  await page.getByLabel("ZIP code").fill("78701");
  await page.getByRole("button", { name: "Add location" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Location added." })).toBeVisible();
  await expect(page.getByText("500 Congress Ave, Austin, TX 78701")).toBeVisible();
  await expect(page.getByText("Time zone: Central (Chicago)")).toBeVisible();
}

/** What makes a licensed listing bookable: a consultation to book, and hours to book it in. */
async function openForBooking(page: Page) {
  await page.goto("/provider/schedule");
  await page.getByText("Add an appointment type").click();
  const form = page.getByRole("form", { name: "New appointment type" });
  await form.getByLabel("Name patients see").fill("New patient consultation");
  await form.getByLabel("Fee ($)").fill("225");
  await form.getByRole("button", { name: "Add type" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Appointment type added." })).toBeVisible();
  const hours = page.getByRole("form", { name: "Hours at Downtown clinic" });
  await hours.getByLabel("Tuesday").fill("9:00-17:00");
  await hours.getByRole("button", { name: "Save hours at Downtown clinic" }).click();
  await expect(hours.getByRole("status").filter({ hasText: "Hours saved." })).toBeVisible();
}

async function submitLicenses(page: Page, npi: string, licenseNumber: string) {
  await page.getByRole("navigation", { name: "Provider dashboard" }).getByRole("link", { name: "Licenses" }).click();
  await expect(page.getByText("You have locations in Texas but no license there yet.")).toBeVisible();
  const wrongDigit = npi.slice(0, 9) + String((Number(npi[9]) + 1) % 10);
  await page.getByLabel("Your NPI").fill(wrongDigit);
  await page.getByRole("button", { name: "Submit NPI" }).click();
  await expect(page.getByText("That NPI's check digit does not match: look for a mistyped digit.")).toBeVisible();
  await page.getByLabel("Your NPI").fill(npi);
  await page.getByRole("button", { name: "Submit NPI" }).click();
  await expect(page.getByText("Pending review").first()).toBeVisible();

  const add = page.getByRole("heading", { name: "Add a state license" }).locator("..");
  await expect(add.getByLabel("State")).toHaveValue("TX");
  await add.getByLabel("License number").fill(licenseNumber);
  await add.getByLabel("Expires on").fill(isoDateFromNow(400));
  await add.getByRole("button", { name: "Submit license" }).click();
  await expect(page.getByText(`Number ${licenseNumber}`)).toBeVisible();
}

async function adminReviews(page: Page, providerName: string, decision: "approve" | "reject") {
  await page.goto("/admin/licenses");
  const items = page.getByRole("listitem").filter({ hasText: providerName });
  await expect(items).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  for (let left = 2; left > 0; left--) {
    const item = items.first();
    if (decision === "approve") {
      await item.getByLabel("Source checked").fill("Checked the registry lookup: active");
      await item.getByRole("button", { name: /^Approve/ }).click();
    } else {
      await item.getByLabel("Reason for rejecting").fill("The Texas Medical Board has no license with this number");
      await item.getByRole("button", { name: /^Reject/ }).click();
    }
    await expect(items).toHaveCount(left - 1);
  }
}

test("a new provider is listed after publishing and an admin verifying their NPI and license", async ({ browser }) => {
  // Two people in two browsers, a sign-up confirmed from the outbox, and five accessibility scans:
  // more than test.slow()'s 90 s on a busy machine.
  test.setTimeout(180_000);
  const name = `Dr. Onboard ${Date.now().toString(36)}`;
  const provider = await signUpProvider(browser, name, `onboard-${Date.now()}@example.com`);
  provider.on("dialog", (dialog) => dialog.accept());
  await expectNoSeriousA11yViolations(provider);
  await fillListing(provider);
  await expectNoSeriousA11yViolations(provider);
  await addLocation(provider);
  await submitLicenses(provider, freshNpi(), `Q${Date.now().toString().slice(-6)}`);
  await expectNoSeriousA11yViolations(provider);

  await provider.getByRole("navigation", { name: "Provider dashboard" }).getByRole("link", { name: "Overview" }).click();
  await provider.getByRole("button", { name: "Publish listing" }).click();
  await expect(provider.getByText("Listing is published")).toBeVisible();
  await expect(provider.getByText("Your NPI is pending review.")).toBeVisible();
  await expect(provider.getByText("Your TX license is pending review, so your Austin location is not listed yet.")).toBeVisible();

  const search = `/providers?condition=chronic-migraine&near=${encodeURIComponent("Austin, TX")}&radiusMi=10`;
  await provider.goto(search);
  await expect(provider.getByRole("heading", { name, exact: false })).toHaveCount(0);

  const admin = await signedIn(browser, "admin@example.com");
  await adminReviews(admin, name, "approve");

  // Licensed, but nothing to book yet: still out of search, and told what is missing.
  await provider.goto("/provider");
  await expect(provider.getByText(/^Add an initial consultation type/)).toBeVisible();
  await expect(provider.getByText(/^Add weekly hours for Austin/)).toBeVisible();
  await provider.goto(search);
  await expect(provider.getByRole("heading", { name, exact: false })).toHaveCount(0);

  await openForBooking(provider);
  await provider.getByRole("navigation", { name: "Provider dashboard" }).getByRole("link", { name: "Overview" }).click();
  await expect(provider.getByText("Listed in search")).toBeVisible();
  await expect(provider.getByRole("heading", { name: "Nothing is holding your listing back" })).toBeVisible();
  await provider.goto(search);
  const card = provider.getByRole("article").filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card.getByText("$225")).toBeVisible();

  await admin.goto("/admin/audit?action=license.");
  await expect(admin.getByText("license.verified").first()).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
});

test("a rejected license shows the provider the admin's reason", async ({ browser }) => {
  // A sign-up confirmed from the outbox, the listing, and an admin's review in a second browser.
  test.setTimeout(180_000);
  const name = `Dr. Rejected ${Date.now().toString(36)}`;
  const provider = await signUpProvider(browser, name, `rejected-${Date.now()}@example.com`);
  await fillListing(provider);
  await addLocation(provider);
  await submitLicenses(provider, freshNpi(), `R${Date.now().toString().slice(-6)}`);

  const admin = await signedIn(browser, "admin@example.com");
  admin.on("dialog", (dialog) => dialog.accept());
  await adminReviews(admin, name, "reject");

  await provider.reload();
  await expect(provider.getByText("Reason: The Texas Medical Board has no license with this number").first()).toBeVisible();
  await provider.goto("/provider");
  await expect(provider.getByText("Your NPI was rejected: The Texas Medical Board has no license with this number. Submit a corrected one.")).toBeVisible();
  await expect(provider.getByText("Not in search yet.")).toBeVisible();
});

test("an admin suspends and reinstates a provider, who leaves search meanwhile", async ({ browser }) => {
  // Dr. Ortiz has no bookings: suspending Dr. Chen would cancel the ones other tests use.
  const admin = await signedIn(browser, "admin@example.com");
  admin.on("dialog", (dialog) => dialog.accept());
  await admin.goto("/admin/providers?q=Daniel+Ortiz");
  const row = admin.getByRole("listitem").filter({ hasText: "Dr. Daniel Ortiz" });
  await row.getByLabel("Reason").fill("Complaint under review");
  await row.getByRole("button", { name: /^Suspend/ }).click();
  await expect(row.getByText(/Suspended .*: Complaint under review/)).toBeVisible();
  expect((await admin.request.get("/api/providers/dr-daniel-ortiz-dds-austin")).status()).toBe(404);

  const provider = await signedIn(browser, "provider2@example.com");
  await provider.goto("/provider");
  await expect(provider.getByText("Your listing is suspended: Complaint under review. Contact us to resolve it.")).toBeVisible();

  await row.getByRole("button", { name: /^Reinstate/ }).click();
  await expect(row.getByRole("button", { name: /^Suspend/ })).toBeVisible();
  expect((await admin.request.get("/api/providers/dr-daniel-ortiz-dds-austin")).status()).toBe(200);
});

test("dashboards answer 403 to the wrong kind of account", async ({ browser }) => {
  const patient = await signedIn(browser, "patient@example.com");
  const response = await patient.goto("/admin/licenses");
  expect(response?.status()).toBe(403);
  await expect(patient.getByRole("heading", { name: "This page is not for your account" })).toBeVisible();
  expect((await patient.goto("/provider"))?.status()).toBe(403);
});
