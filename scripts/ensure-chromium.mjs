// Makes sure the Playwright tests have a Chromium: Debian's headless shell when it can (the suite
// spends about a third less CPU in it than in the full browser), else any Chromium found, else it
// installs Debian's package when it runs as root on Debian, else it says how to get one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findTestChromium, headlessShell } from './find-chromium.mjs';

const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canInstall = isRoot && existsSync('/etc/debian_version');

/** apt-get install `packages`; true when it worked (its output shows either way). */
function aptInstall(packages) {
	try {
		execSync(
			`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`,
			{ stdio: 'inherit' }
		);
		return true;
	} catch {
		return false;
	}
}

if (!fromEnv && !existsSync(headlessShell) && canInstall) {
	console.log("chromium: installing Debian's chromium-headless-shell package (apt-get)…");
	if (!aptInstall('chromium-headless-shell') && !findTestChromium()) {
		console.log("chromium: no headless shell; installing Debian's chromium package instead…");
		aptInstall('chromium');
	}
}
const found = findTestChromium();
if (found) {
	console.log(`chromium: ${found}`);
	process.exit(0);
}
console.error(`No Chromium found for the browser tests. Get one of:
  - Debian/Ubuntu: sudo apt-get install chromium-headless-shell (or chromium)
  - any system: npx playwright install chromium
  - or point CHROMIUM_PATH at a Chromium or Chrome executable.`);
process.exit(1);
