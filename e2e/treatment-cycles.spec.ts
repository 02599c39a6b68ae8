import { signedIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

// Issue 14, part 3: the seed treated patient@example.com with Dr. Chen 60 days before today, so the
// dashboard says when the next treatment can be, the profile's times start there, and a treatment
// time before it is refused before the intake.

const PROFILE = "/providers/dr-maya-chen-md-new-york";
const seedDay = (offset: number) => new Date(Date.parse(new Date().toISOString().slice(0, 10)) + offset * 86_400_000).toISOString().slice(0, 10);
const label = (day: string) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

test("a patient sees when their next treatment can be, and a treatment before it is refused", async ({ browser }) => {
  test.slow();
  const earliest = seedDay(24);
  const patient = await signedIn(browser, "patient@example.com");
  await patient.goto("/patient");
  const treatments = patient.getByRole("region", { name: "Your treatments" });
  await expect(treatments).toContainText(`Next treatment from ${label(earliest)}.`);
  await expect(treatments).toContainText(`${label(seedDay(-60))} with Dr. Maya Chen: Botox (onabotulinumtoxinA), 155 units`);
  await expectNoSeriousA11yViolations(patient);

  // The times on the profile start at the first allowed day.
  await treatments.getByRole("link", { name: /times from then/ }).click();
  await expect(patient).toHaveURL(new RegExp(`${PROFILE}\\?from=${earliest}`));
  // The booking panel's picker (the waitlist form below it has one of its own).
  const type = patient.getByRole("region", { name: "Book a consultation" }).getByLabel("Appointment", { exact: true });
  const treatment = await type.locator("option", { hasText: /treatment/i }).first().getAttribute("value");
  const times = patient.locator(`a[href^="${PROFILE}/book?"]`);
  // The first type's times come from the browser once the panel has hydrated: a choice made
  // before that was once undone by hydration, and the treatment's times never came.
  await expect(times.first()).toBeVisible();
  await type.selectOption(treatment!);
  await expect(patient.getByText(/treatments are at least 12 weeks apart/)).toBeVisible();
  await expect(times.first()).toBeVisible();
  for (const href of await times.evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
    expect(new URL(href, "http://x").searchParams.get("start")!.slice(0, 10) >= earliest).toBe(true);
  }

  // Straight to the profile, no link: choosing the treatment still starts its times there, and says why.
  await patient.goto(PROFILE);
  await expect(times.first()).toBeVisible();
  await type.selectOption(treatment!);
  await expect(patient.getByText(/Your next treatment can be from .*: treatments are at least 12 weeks apart, so times start then\./)).toBeVisible();
  await expect(times.first()).toBeVisible();
  const firstStart = new URL((await times.first().getAttribute("href"))!, "http://x").searchParams.get("start")!;
  expect(firstStart.slice(0, 10) >= earliest).toBe(true);
  await expectNoSeriousA11yViolations(patient);

  // A treatment time before then: the booking page says so instead of asking for the intake.
  const slots = await patient.request.get(`/api/providers/dr-maya-chen-md-new-york/slots?${new URLSearchParams({ from: seedDay(0), to: seedDay(14), type: treatment! })}`);
  const [soon] = ((await slots.json()) as { slots: { start: string; locationId: string }[] }).slots;
  await patient.goto(`${PROFILE}/book?${new URLSearchParams({ type: treatment!, location: soon!.locationId, start: soon!.start })}`);
  await expect(patient.getByRole("alert").filter({ hasText: "Your next treatment" })).toContainText(`Your next treatment can be booked from ${label(earliest)}`);
  await expect(patient.getByRole("form", { name: "Consultation intake" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(patient);
});
