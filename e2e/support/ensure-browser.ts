import { execSync } from "node:child_process";
import { DEBIAN_CHROMIUM, hasBrowser } from "./browser";

// The test command finds its own browser: Playwright's build if present, else Debian's Chromium
// (installed with apt when we are root, as on CI), else Playwright's download.
function run(command: string) {
  console.log(`$ ${command}`);
  execSync(command, { stdio: "inherit" });
}

if (hasBrowser()) {
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
let hasApt = false;
try {
  execSync("command -v apt-get", { stdio: "ignore" });
  hasApt = true;
} catch {
  // not a Debian-like system
}

if (isRoot && hasApt) {
  try {
    run("apt-get update -qq");
    run("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
  } catch {
    console.warn("Installing Debian's chromium failed; trying Playwright's download.");
  }
}
if (!hasBrowser()) run("npx playwright install chromium");
if (!hasBrowser()) {
  console.error(`No Chromium found: install Playwright's (npx playwright install chromium) or ${DEBIAN_CHROMIUM}.`);
  process.exit(1);
}
