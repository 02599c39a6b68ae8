import type { Page } from "@playwright/test";
import { isoDateFromNow, signedIn, signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { answerIntake } from "./support/intake";
import { expect, test } from "./support/test";

const MAYA = "/providers/dr-maya-chen-md-new-york";
const ZONE = "America/New_York";

/** "HH:MM" and "YYYY-MM-DD" on the clinic's clock. */
const clock = (at: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
const day = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(at);

/** The newest claim link emailed to `email`, read from the dev outbox as its owner would. */
async function claimLink(page: Page, email: string): Promise<string> {
  const outbox = await page.context().newPage();
  let path = "";
  await expect(async () => {
    await outbox.goto("/dev/outbox");
    const mail = outbox.getByRole("listitem").filter({ hasText: `to ${email} ·` }).filter({ hasText: "An earlier time with Dr. Maya Chen opened" });
    const text = await mail.first().innerText({ timeout: 1_000 });
    expect(text).toMatch(/Eastern Standard Time|Eastern Daylight Time/);
    expect(text).not.toMatch(/migraine|botox|consultation/i);
    path = /https?:\/\/[^/\s]+(\/waitlist\/claim\/[A-Za-z0-9_-]+)/.exec(text)![1]!;
  }).toPass({ timeout: 15_000 });
  await outbox.close();
  return path;
}

test("a patient on the waitlist is emailed a cancelled time, claims it from the email and books it", async ({ browser }) => {
  test.slow();
  const stamp = Date.now();
  // A time far enough ahead that no other spec books it; the clinic is made away all that day but for it.
  const provider = await signedIn(browser, "provider@example.com");
  provider.on("dialog", (dialog) => dialog.accept());
  await provider.goto(`${MAYA}?from=${isoDateFromNow(40)}`);
  const first = provider.getByRole("region", { name: "Book a consultation" }).getByRole("link").first();
  const href = new URL((await first.getAttribute("href"))!, "http://x");
  const start = new Date(href.searchParams.get("start")!);
  const typeId = href.searchParams.get("type")!;
  const date = day(start);
  await provider.goto("/provider/schedule");
  const timeOff = provider.getByRole("form", { name: "Add time off" });
  for (const [fromTime, untilTime] of [["", clock(start)], [clock(new Date(start.getTime() + 45 * 60_000)), ""]] as const) {
    await timeOff.getByLabel("From", { exact: true }).fill(date);
    await timeOff.getByLabel("From time (optional)").fill(fromTime);
    await timeOff.getByLabel("Until", { exact: true }).fill(date);
    await timeOff.getByLabel("Until time (optional)").fill(untilTime);
    await timeOff.getByRole("button", { name: "Add time off" }).click();
    await expect(timeOff.getByRole("status")).toContainText(/Time off added/);
  }

  // Someone books that one time.
  const booker = await (await browser.newContext()).newPage();
  await signUpAndVerify(booker, { name: "Bo Booker", email: `booker-${stamp}@example.com` });
  await booker.goto(`${MAYA}/book?${href.searchParams}`);
  await answerIntake(booker);
  await booker.getByRole("button", { name: "Send request" }).click();
  await expect(booker).toHaveURL(/\/pay\//);
  await booker.getByRole("button", { name: "Pay test deposit" }).click();
  await expect(booker).toHaveURL(/\/patient\?paid=/);

  // Another patient asks to hear of a time that day.
  const waiting = await (await browser.newContext()).newPage();
  const email = `waiting-${stamp}@example.com`;
  await signUpAndVerify(waiting, { name: "Wren Waiting", email });
  await waiting.goto(MAYA);
  const form = waiting.getByRole("form", { name: "Tell me if an earlier time opens" });
  await form.getByLabel("Appointment").selectOption(typeId);
  await form.getByLabel("From").fill(date);
  await form.getByLabel("To").fill(date);
  await form.getByRole("button", { name: "Tell me if an earlier time opens" }).click();
  await expect(form.getByRole("status")).toContainText("You are on the waitlist");
  await expectNoSeriousA11yViolations(waiting);
  await waiting.goto("/patient");
  await expect(waiting.getByRole("region", { name: "Your waitlists" })).toContainText("with Dr. Maya Chen");

  // The booking is cancelled: the time is held for the waiting patient, who is emailed.
  booker.on("dialog", (dialog) => dialog.accept());
  const card = booker.getByRole("listitem").filter({ hasText: "Dr. Maya Chen" }).filter({ hasText: "Requested" });
  await card.getByText("Cancel this booking").click();
  await card.getByRole("button", { name: "Cancel booking" }).click();
  await expect(booker.getByRole("listitem").filter({ hasText: "Dr. Maya Chen" }).filter({ hasText: "Cancelled by you" })).toBeVisible();
  // Held: nobody else is offered it.
  await booker.goto(`${MAYA}/book?${href.searchParams}`);
  await expect(booker.getByRole("heading", { name: "That time is no longer free" })).toBeVisible();

  // The dashboard says so too.
  await waiting.goto("/patient");
  await expect(waiting.getByRole("region", { name: "Your waitlists" }).getByRole("link", { name: "Claim this time" })).toBeVisible();
  await expectNoSeriousA11yViolations(waiting);

  await waiting.goto(await claimLink(waiting, email));
  await expect(waiting).toHaveURL(/\/book\?.*hold=/);
  await expect(waiting.getByRole("status").filter({ hasText: "This time is held for you from the waitlist" })).toBeVisible();
  await expectNoSeriousA11yViolations(waiting);
  await answerIntake(waiting);
  await waiting.getByRole("button", { name: "Send request" }).click();
  await expect(waiting).toHaveURL(/\/pay\//);
  await waiting.getByRole("button", { name: "Pay test deposit" }).click();
  await expect(waiting).toHaveURL(/\/patient\?paid=/);
  await expect(waiting.getByRole("status")).toContainText("Deposit paid. Your request is with Dr. Maya Chen");
  await expect(waiting.getByRole("region", { name: "Your waitlists" })).toHaveCount(0);

  // The link is spent: it says so rather than failing.
  await waiting.goto(await claimLink(waiting, email));
  await expect(waiting.getByRole("heading", { name: "This time is no longer held" })).toBeVisible();
});
