#!/usr/bin/env node
/**
 * pretest: the browser test needs Debian's Chromium at /usr/bin/chromium. Install it when
 * missing and running as root; otherwise stop with the exact command to run.
 * (Playwright's own browser download cannot work on our machines.)
 */
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const COMMAND = 'apt-get update && apt-get install -y chromium';

if (existsSync(CHROMIUM)) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`Chromium is missing at ${CHROMIUM}. Install it as root, then run the tests again:\n  sudo sh -c '${COMMAND}'`);
  process.exit(1);
}
console.log(`Chromium is missing at ${CHROMIUM}; installing Debian's package: ${COMMAND}`);
try {
  execSync(COMMAND, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.error(`Installing Chromium failed. Run it yourself:\n  ${COMMAND}`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium is still missing at ${CHROMIUM} after installing.`);
  process.exit(1);
}
