import { expect, type Page } from "@playwright/test";

/**
 * The path (and query) of the newest link to `path` emailed to `email`, read from the dev outbox
 * as its owner would read the email: in another tab of the same browser, so `page` stays where it is.
 */
export async function newestLinkTo(page: Page, email: string, path: string): Promise<string> {
  const outbox = await page.context().newPage();
  try {
    await outbox.goto("/dev/outbox");
    const mails = outbox.getByRole("listitem").filter({ hasText: `to ${email} ·` });
    const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    const pattern = new RegExp(`https?://[^/\\s]+(${escaped}\\?[^\\s]+)`);
    // The newest first: the first email to that address that carries such a link.
    for (const text of await mails.allInnerTexts()) {
      const match = pattern.exec(text);
      if (match) return match[1]!;
    }
    expect(null, `a link to ${path} emailed to ${email}`).not.toBeNull();
    return "";
  } finally {
    await outbox.close();
  }
}

let addresses = 0;

/**
 * Makes `page` come from an address of its own (the tests stand in for the platform's proxy), so
 * the many sign-ups of a test run stay within sign-up's limit of 10 per address in 15 minutes.
 */
export async function fromFreshAddress(page: Page): Promise<void> {
  const n = (Date.now() % 60_000) * 4 + (++addresses % 4);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });
}
