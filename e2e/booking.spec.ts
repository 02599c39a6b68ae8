import { readFileSync } from "node:fs";
import { signedIn, SIGN_UP_SENT, verifyAndSignIn } from "./support/accounts";
import { answerIntake } from "./support/intake";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { fromFreshAddress } from "./support/outbox";
import { expect, test } from "./support/test";

const MAYA = "/providers/dr-maya-chen-md-new-york";

test("a patient requests a time, the provider confirms it, the patient adds it to a calendar, moves it and cancels", async ({ page, browser }) => {
  test.slow();
  await page.goto("/providers?condition=chronic-migraine&near=10016&radiusMi=1&sort=distance");
  const mayaCard = page.getByRole("article").filter({ hasText: "Dr. Maya Chen" });
  await expect(mayaCard.getByText(/Next available: [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M E[SD]T/)).toBeVisible();
  await mayaCard.getByRole("link", { name: /Dr\. Maya Chen/ }).click();
  await expect(page).toHaveURL(MAYA);
  const panel = page.getByRole("region", { name: "Book a consultation" });
  // The first visit asks a deposit (the deposits flow); the follow-up visit does not.
  const followUp = await panel.getByLabel("Appointment").locator("option", { hasText: "Follow-up" }).getAttribute("value");
  await panel.getByLabel("Appointment").selectOption(followUp!);
  await expect(panel.getByText("no deposit")).toBeVisible();
  await expect(panel.getByText(/Times in your time zone: Eastern (Standard|Daylight) Time/)).toBeVisible();
  await expect(panel.getByRole("link").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // A time more than two days out: Dr. Chen's visits can be moved online until 48 hours before.
  const hrefs = await panel.locator('a[href*="/book?"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const later = hrefs.find((href) => Date.parse(new URL(href, "http://localhost").searchParams.get("start") ?? "") > Date.now() + 50 * 3_600_000);
  expect(later, "a free time more than two days out").toBeDefined();
  await panel.locator(`a[href="${later}"]`).click();

  await expect(page.getByRole("heading", { name: "Request a consultation" })).toBeVisible();
  const bookUrl = page.url();
  const email = `casey.${Date.now()}@example.com`;
  await fromFreshAddress(page);
  await page.getByLabel("Full name").fill("Casey Morgan");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText(SIGN_UP_SENT);
  // The emailed link, then signing in, brings the patient back to the same time.
  await verifyAndSignIn(page, email, "a long enough password");
  await expect(page).toHaveURL(bookUrl);
  await expect(page.getByLabel("Describe your symptoms")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Describe your symptoms.", { exact: true })).toBeVisible();
  await answerIntake(page);
  await expect(page.getByLabel("Describe your symptoms")).toHaveValue(/right eye/);
  await page.getByRole("button", { name: "Send request" }).click();

  await expect(page).toHaveURL(/\/patient\?requested=/);
  await expect(page.getByRole("status")).toContainText("Request sent.");
  const card = page.getByRole("listitem").filter({ hasText: "Dr. Maya Chen" });
  await expect(card.getByText("Requested")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The time is gone from the profile for everyone else.
  const taken = await page.request.get(bookUrl);
  expect(await taken.text()).toContain("That time is no longer free");

  // The provider reads the intake, with the demo's other request's safety answer highlighted, and confirms.
  const provider = await signedIn(browser, "provider@example.com");
  await provider.goto("/provider/requests");
  const request = provider.getByRole("listitem", { name: "Request from Casey Morgan" });
  await expect(request.getByText("Headaches behind my right eye most afternoons.")).toBeVisible();
  await expect(request.getByText("No to every safety question.")).toBeVisible();
  await expect(provider.getByRole("listitem", { name: "Request from Robin Second" }).getByText("Pregnant or breastfeeding")).toBeVisible();
  await expectNoSeriousA11yViolations(provider);
  await request.getByRole("button", { name: /^Confirm/ }).click();
  await expect(provider.getByRole("listitem", { name: "Appointment with Casey Morgan" })).toBeVisible();
  // A confirmed appointment's intake opens on its own page, only when the provider asks.
  await provider.getByRole("listitem", { name: "Appointment with Casey Morgan" }).getByRole("link", { name: "Read the intake of Casey Morgan" }).click();
  await expect(provider.getByRole("heading", { name: "Intake of Casey Morgan" })).toBeVisible();
  await expect(provider.getByText("Headaches behind my right eye most afternoons.")).toBeVisible();
  await expectNoSeriousA11yViolations(provider);

  await page.reload();
  await expect(card.getByText("Confirmed")).toBeVisible();
  const download = page.waitForEvent("download");
  await card.getByRole("link", { name: "Add to calendar (.ics)" }).click();
  const ics = readFileSync((await (await download).path())!, "utf8");
  expect(ics).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m);
  expect(ics).toMatch(/^SUMMARY:Follow-up visit with Dr\. Maya Chen\r$/m);

  // Moving it: the panel offers this booking's own free times, and a move goes back to the provider.
  await card.getByRole("link", { name: "Reschedule" }).click();
  await expect(page.getByRole("heading", { name: "Reschedule" })).toBeVisible();
  const movePanel = page.getByRole("region", { name: "Choose a new time" });
  // The move keeps the booking's price: the panel does not quote a fee or a deposit again.
  await expect(movePanel.getByText(/deposit/)).toHaveCount(0);
  const newTimes = movePanel.getByRole("form", { name: "Choose the new time" });
  await expect(newTimes.getByRole("button").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await newTimes.getByRole("button").first().click();
  await expect(page).toHaveURL(/\/patient\?moved=/);
  await expect(page.getByRole("status")).toContainText("Booking moved. Dr. Maya Chen will confirm the new time");
  await expect(card.getByText("Requested")).toBeVisible();

  page.on("dialog", (dialog) => dialog.accept());
  await card.getByText("Cancel this booking").click();
  await expect(card.getByText(/Free cancellation until/)).toBeVisible();
  await card.getByRole("button", { name: "Cancel booking" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Dr. Maya Chen" }).filter({ hasText: "Cancelled by you" })).toBeVisible();
});
