import { type Page } from "@playwright/test";
import { expect, test } from "./support/test";

const DEMO_PROVIDER = "dr-maya-chen-md-new-york";

const cards = (page: Page) => page.getByRole("article");
const feesOf = async (page: Page) =>
  (await cards(page).getByText(/consultation$/).allTextContents()).map((t) => Number(t.replace(/[^0-9.]/g, "")));
const namesOf = (page: Page) => cards(page).getByRole("heading").allTextContents();
// React reveals a streamed page a moment after it arrives: until then its content sits in a hidden
// node, so every read of the results waits for the visible heading first.
const resultsHeading = (page: Page) => page.locator("#results-heading").filter({ visible: true });

test("a patient searches from the home page by condition and ZIP", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Condition", { exact: true }).selectOption({ label: "Chronic migraine" });
  await page.getByLabel("ZIP or City, ST").fill("10016");
  await page.getByRole("button", { name: "Find providers" }).click();

  await expect(page).toHaveURL(/\/providers\?condition=chronic-migraine&near=10016/);
  await expect(resultsHeading(page)).toHaveText(/providers? for Chronic migraine within 25 mi of 10016/);
  const count = await cards(page).count();
  expect(count).toBeGreaterThan(0);
  for (const card of await cards(page).all()) {
    await expect(card.getByText("License verified")).toBeVisible();
    await expect(card.getByText(/mi$/).first()).toBeVisible();
  }
});

test("filters narrow and reorder the results, and the URL carries them", async ({ page }) => {
  await page.goto("/providers?condition=chronic-migraine&near=10016&radiusMi=50");
  await expect(resultsHeading(page)).toBeVisible();
  const before = await cards(page).count();

  await page.getByLabel("Insurance").selectOption({ label: "Aetna" });
  await page.getByLabel("Sort by").selectOption({ label: "Lowest consultation fee" });
  await page.getByRole("button", { name: "Show providers" }).click();

  await expect(page).toHaveURL(/insurance=aetna/);
  await expect(page).toHaveURL(/sort=fee/);
  await expect(resultsHeading(page)).toBeVisible();
  const fees = await feesOf(page);
  expect(fees.length).toBeGreaterThan(0);
  expect(fees.length).toBeLessThanOrEqual(before);
  expect(fees).toEqual([...fees].sort((a, b) => a - b));
  for (const card of await cards(page).all()) await expect(card).toContainText("Aetna");
});

test("sorting by soonest available puts the earliest free consultation first, chosen with the keyboard", async ({ page }) => {
  await page.goto("/providers?condition=chronic-migraine&near=10016&radiusMi=50");
  await expect(resultsHeading(page)).toBeVisible();
  // Typed into the focused select, as a keyboard user picks an option.
  await page.getByLabel("Sort by").focus();
  await page.keyboard.type("Soonest");
  await expect(page.getByLabel("Sort by")).toHaveValue("soonest");
  await page.getByRole("button", { name: "Show providers" }).press("Enter");

  await expect(page).toHaveURL(/sort=soonest/);
  await expect(resultsHeading(page)).toBeVisible();
  const times = await cards(page).locator("time").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("datetime") ?? ""));
  expect(times.length).toBeGreaterThan(1);
  expect(times).toEqual([...times].sort());
  expect(new Date(times[0]!).getTime()).toBeGreaterThan(Date.now());
});

test("a shared search URL shows the same search to someone else", async ({ page, browser }) => {
  await page.goto("/providers");
  await page.getByLabel("Condition", { exact: true }).selectOption("neck-shoulder-pain");
  await page.getByLabel("ZIP or City, ST").fill("New York, NY");
  await page.getByLabel("Language spoken").selectOption("es");
  await page.getByLabel("Distance").selectOption("100");
  await page.getByRole("button", { name: "Show providers" }).click();
  await expect(page).toHaveURL(/language=es/);
  await expect(resultsHeading(page)).toContainText("speaking Spanish");
  const shared = page.url();
  const heading = await resultsHeading(page).textContent();
  const names = await namesOf(page);

  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(shared);
  await expect(resultsHeading(theirs)).toHaveText(heading!);
  expect(names.length).toBeGreaterThan(0);
  await expect(cards(theirs).getByRole("heading")).toHaveText(names);
  await expect(theirs.getByLabel("Condition", { exact: true })).toHaveValue("neck-shoulder-pain");
  await expect(theirs.getByLabel("ZIP or City, ST")).toHaveValue("New York, NY");
  await expect(theirs.getByLabel("Language spoken")).toHaveValue("es");
  await expect(theirs.getByLabel("Distance")).toHaveValue("100");
  await other.close();
});

test("pagination keeps every filter", async ({ page }) => {
  await page.goto("/providers?condition=chronic-migraine&near=10016&radiusMi=200&sort=distance");
  await expect(resultsHeading(page)).toBeVisible();
  const firstPage = await namesOf(page);
  expect(firstPage.length).toBeGreaterThan(0);
  await page.getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/condition=chronic-migraine/);
  await expect(page).toHaveURL(/radiusMi=200/);
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
  const secondPage = await namesOf(page);
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
});

test("bad input is explained beside its field and shows no results", async ({ page }) => {
  await page.goto("/providers?near=99999");
  await expect(page.locator("#near-error")).toBeVisible();
  const near = page.getByLabel("ZIP or City, ST");
  await expect(near).toHaveAttribute("aria-invalid", "true");
  await expect(near).toHaveValue("99999");
  await expect(page.locator("#near-error")).toContainText("couldn't find ZIP code 99999");
  await expect(page.locator("#near-error")).toHaveRole("alert");
  await expect(cards(page)).toHaveCount(0);
});

test("an empty search says why and offers a wider radius", async ({ page }) => {
  // Billings, MT: no demo metro is within 10 miles.
  await page.goto("/providers?condition=tmj-jaw-pain&near=59101&radiusMi=10");
  await expect(resultsHeading(page)).toContainText(/No licensed providers/);
  await page.getByRole("link", { name: /within 20 mi/ }).click();
  await expect(page).toHaveURL(/radiusMi=20/);
});

test("a patient opens a profile from the results", async ({ page }) => {
  await page.goto("/providers?condition=chronic-migraine&near=10016&sort=distance");
  const first = cards(page).first();
  const name = (await first.getByRole("heading").textContent())!;
  await first.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(name.split(",")[0]!);
  await expect(page.getByText("License verified").first()).toBeVisible();
  await expect(page.getByText(/verified on [A-Z][a-z]{2} \d{1,2}, \d{4}/i).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Directions/ }).first()).toHaveAttribute("href", /google\.com\/maps\/dir/);
  await expect(page.getByRole("heading", { name: /Prices/ })).toBeVisible();
  await expect(page.getByText(/cancel/i).first()).toBeVisible();

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(jsonLd["@type"]).toBe("Physician");
});

test("the demo provider's profile shows prices, deposit and an Open Graph image", async ({ page, request }) => {
  await page.goto(`/providers/${DEMO_PROVIDER}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Maya Chen");
  await expect(page.getByText(/typical Chronic migraine treatment/i)).toBeVisible();
  await expect(page.getByText(/deposit/i).first()).toBeVisible();
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  const image = await request.get(new URL(ogImage!).pathname);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
});

test("an unknown provider is a 404 page", async ({ page }) => {
  const response = await page.goto("/providers/no-such-provider");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
