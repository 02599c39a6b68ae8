import { signedIn } from "./support/accounts";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";

const MAYA = "/providers/dr-maya-chen-md-new-york";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** The policy as directive name → its sources. */
function directives(policy: string | undefined): Record<string, string[]> {
  expect(policy, "Content-Security-Policy header").toBeTruthy();
  return Object.fromEntries(policy!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

const nonceOf = (policy: string | undefined) => directives(policy)["script-src"]!.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);

test("pages, JSON routes, a redirect and 404s all carry the security headers", async ({ request }) => {
  const responses: [string, number][] = [
    ["/", 200],
    ["/about", 200],
    [MAYA, 200],
    ["/sign-in", 200],
    ["/api/providers?page=1", 200],
    ["/api/providers/no-such-provider", 404],
    ["/no-such-page", 404],
    ["/provider", 307],
  ];
  for (const [path, status] of responses) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(status);
    const headers = response.headers();
    const policy = directives(headers["content-security-policy"]);
    expect(policy["script-src"], path).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/), "'strict-dynamic'"]);
    expect(policy["frame-ancestors"], path).toEqual(["'none'"]);
    expect(policy["object-src"], path).toEqual(["'none'"]);
    expect(policy["base-uri"], path).toEqual(["'self'"]);
    expect(policy["form-action"], path).toEqual(["'self'"]);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\)/);
    // The browser tests serve plain http: HSTS would pin the host to https.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});

test("every script of a page carries that response's nonce, new each time, never one the client sent", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get(MAYA, {
      headers: { "x-nonce": "chosen-by-the-client", "content-security-policy": "script-src 'nonce-chosen-by-the-client'" },
    });
    const nonce = nonceOf(response.headers()["content-security-policy"]);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.some((tag) => tag.includes('type="application/ld+json"')), "the profile's JSON-LD").toBe(true);
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).not.toContain("chosen-by-the-client");
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("the intake and payment pages send no referrer, however they are reached; other pages send theirs only to this site", async ({ page, request }) => {
  const pay = await request.get("/pay/6f0e3a1c-5d1e-4b8a-9c1f-2a3b4c5d6e7f", { maxRedirects: 0 });
  expect(pay.headers()["referrer-policy"]).toBe("no-referrer");

  // What the browser sends with a request from the page it is on, under that page's policy.
  const refererFrom = async (marker: string) => {
    const sent = page.waitForRequest((r) => r.url().includes(`marker=${marker}`));
    await page.evaluate((url) => fetch(url), `/api/providers?page=1&marker=${marker}`);
    return (await sent).headerValue("referer");
  };

  await page.goto(MAYA);
  expect(await refererFrom("profile")).toBe(page.url());

  // Choosing a time is a client navigation: the document stays, its policy must not.
  await page.getByRole("region", { name: "Book a consultation" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Request a consultation" })).toBeVisible();
  expect(await refererFrom("intake")).toBeNull();

  await page.goBack();
  await expect(page).toHaveURL(MAYA);
  expect(await refererFrom("profile-again")).toBe(page.url());

  // Loaded directly, with a time that is not free: the header alone decides.
  await page.goto(`${MAYA}/book?type=x&location=y&start=2020-01-01T00:00:00.000Z`);
  await expect(page.getByRole("heading", { name: "That time is no longer free" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(await refererFrom("intake-loaded")).toBeNull();
});

test("a listing photo shows under the page's policy and is served with its own stricter one", async ({ browser }) => {
  const provider = await signedIn(browser, "provider@example.com");
  await provider.goto("/provider/listing");
  await provider.getByLabel("JPEG, PNG or WebP, up to 2 MB").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
  await provider.getByRole("button", { name: "Upload photo" }).click();
  const photo = provider.locator('img[src^="/api/photos/"]');
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const served = await provider.request.get((await photo.getAttribute("src"))!);
  // Every upload is stored re-encoded as WebP (lib/listing/photo-encoding.ts).
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["content-security-policy"]).toBe("default-src 'none'");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");

  // Back as it was, for the other tests of Dr. Chen's listing.
  provider.on("dialog", (dialog) => dialog.accept());
  await provider.getByRole("button", { name: "Remove photo" }).click();
  await expect(photo).toHaveCount(0);
});
