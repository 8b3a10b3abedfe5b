#!/usr/bin/env node
/**
 * Adds the lockfile entries npm leaves out for other platforms' optional binaries.
 *
 * The registry mirror our machines use serves only the linux-x64 builds of packages such as
 * @biomejs/cli-* or @unrs/resolver-binding-*, so `npm install` records no entry for the
 * others, and `npm ci` then refuses the lockfile ("Missing: ... from lock file"). An entry
 * with the version npm expects is enough: `npm ci` skips the binaries this platform does not
 * need. Run after every `npm install` that changes package-lock.json:
 *   node .ci/complete-lockfile.js
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.resolve(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
let added = 0;
for (const meta of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    lock.packages[key] = { version, ...(meta.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} optional platform entries`);
