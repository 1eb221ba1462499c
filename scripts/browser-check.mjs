// Printed after the test run: says plainly when the browser tests could not run here.
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.warn(`\n!! The browser tests (e2e/, axe-core accessibility checks) were SKIPPED: no Chromium at ${chromium}.`);
  console.warn('!! Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n');
}
