// Makes sure the Playwright tests have a Chromium: finds one, or installs Debian's when it can.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const found = findChromium();
if (found) {
	console.log(`chromium: ${found}`);
	process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/etc/debian_version')) {
	console.log("chromium: none found; installing Debian's chromium package (apt-get)…");
	try {
		execSync(
			'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
			{ stdio: 'inherit' }
		);
	} catch {
		console.error('chromium: apt-get install chromium failed; see the lines above.');
		process.exit(1);
	}
	const installed = findChromium();
	if (installed) {
		console.log(`chromium: ${installed}`);
		process.exit(0);
	}
}
console.error(`No Chromium found for the browser tests. Get one of:
  - Debian/Ubuntu: sudo apt-get install chromium
  - any system: npx playwright install chromium
  - or point CHROMIUM_PATH at a Chromium or Chrome executable.`);
process.exit(1);
