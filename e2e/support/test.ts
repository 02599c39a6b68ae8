import { test as base, expect, type BrowserContext } from "@playwright/test";

export { expect };

// What Chromium logs when our headers' policies refuse something (a script, a style, a form
// target) or cannot be parsed (an unknown Permissions-Policy feature, which Lighthouse counts as
// a console error).
const POLICY_MESSAGE = /Content Security Policy|Permissions-Policy/i;

/**
 * Playwright's `test`, failing any test in which a page reported a Content-Security-Policy
 * violation or a policy header error, in every browser context the test opens (signed-in helpers
 * open their own).
 */
export const test = base.extend<{ policyViolations: string[] }>({
  policyViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      const watched = new WeakSet<BrowserContext>();
      const watch = async (watchedContext: BrowserContext) => {
        if (watched.has(watchedContext)) return;
        watched.add(watchedContext);
        watchedContext.on("console", (message) => {
          if (POLICY_MESSAGE.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text().trim()}`);
        });
        // The page's own event names the directive and what it blocked; header errors fire none,
        // so the console is watched as well.
        await watchedContext.exposeBinding("__reportPolicyViolation", (_source, line: string) => violations.push(line));
        await watchedContext.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            const report = (window as unknown as { __reportPolicyViolation: (line: string) => void }).__reportPolicyViolation;
            void report(`${event.documentURI}: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
          });
        });
      };
      // Called as Playwright creates the context, before its creator can open a page in it.
      const onContext = (created: BrowserContext) => void watch(created);
      browser.on("context", onContext);
      await watch(context);
      await use(violations);
      browser.off("context", onContext);
      expect(violations, "the browser reported Content-Security-Policy violations or policy header errors").toEqual([]);
    },
    { auto: true },
  ],
});
