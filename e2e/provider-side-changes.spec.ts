import { signedIn, signUpAndVerify } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

// Dr. Daniel Ortiz (provider2@example.com) has two Austin locations and no bookings in the seed,
// so removing one touches no other test's data.
const ORTIZ = "dr-daniel-ortiz-dds-austin";
const SOUTH = "Ortiz TMJ South Austin";

test("a provider removing a location with a booking is told first, and its patient is cancelled, refunded and told", async ({ page, browser }) => {
  test.slow();
  await signUpAndVerify(page, { name: "Jordan Leavitt", email: `jordan.${Date.now()}@example.com` });
  const profile = await (await page.request.get(`/api/providers/${ORTIZ}`)).json();
  const south = profile.locations.find((l: { name: string }) => l.name === SOUTH);
  const type = profile.appointmentTypes.find((t: { kind: string }) => t.kind === "initial_consultation");
  const today = new Date().toISOString().slice(0, 10);
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await (await page.request.get(`/api/providers/${ORTIZ}/slots?from=${today}&to=${inTwoWeeks}&type=${type.id}`)).json();
  const slot = slots.find((s: { locationId: string }) => s.locationId === south.id);
  const booked = await page.request.post("/api/bookings", {
    data: {
      providerSlug: ORTIZ,
      appointmentTypeId: type.id,
      locationId: south.id,
      start: slot.start,
      intake: { condition: "tmj-jaw-pain", symptoms: "Jaw pain when chewing", duration: "1-5-years", painScore: 5, safety: { neuromuscularDisease: "no", pregnantOrBreastfeeding: "no", infectionAtSite: "no", priorReaction: "no" }, payment: "self-pay", consent: "yes" },
    },
  });
  expect(booked.status(), await booked.text()).toBe(201);

  const provider = await signedIn(browser, "provider2@example.com");
  await provider.goto("/provider/locations");
  const card = provider.getByRole("listitem").filter({ hasText: SOUTH });
  await expect(card.getByText("1 upcoming booking.")).toBeVisible();
  await expectNoSeriousA11yViolations(provider);
  const asked = new Promise<string>((resolve) => provider.once("dialog", (dialog) => { resolve(dialog.message()); void dialog.accept(); }));
  await card.getByRole("button", { name: `Remove ${SOUTH}` }).click();
  expect(await asked).toContain("Its upcoming booking will be cancelled, any deposit refunded in full, and the patient emailed.");
  await expect(provider.getByRole("listitem").filter({ hasText: SOUTH })).toHaveCount(0);

  await page.goto("/patient");
  await expect(page.getByRole("listitem").filter({ hasText: "Dr. Daniel Ortiz" }).getByText("Cancelled by the provider")).toBeVisible();
  await page.goto("/dev/outbox");
  await expect(page.getByRole("listitem").filter({ hasText: "no longer sees patients at this address" }).first()).toContainText("/providers?near=78745");
});
