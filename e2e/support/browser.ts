import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Flags Debian's Chromium needs in a container with no network: no sandbox as root, and no
// background calls home that would fail (and slow every start) offline.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The Chromium to drive: Playwright's own build when it is installed, else the system one.
 * undefined means "let Playwright use its own".
 */
export function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return undefined;
}

export function hasBrowser(): boolean {
  return existsSync(chromium.executablePath()) || existsSync(DEBIAN_CHROMIUM);
}
