#!/usr/bin/env node
// Finds a Chromium to drive with playwright-core: $CHROMIUM_PATH, /usr/bin/chromium,
// or chromium-browser on the PATH. With --install, as root on Debian or Ubuntu, it
// installs Debian's `chromium` package when none is found. Never downloads a browser build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The path of a usable Chromium, or null. */
export function locateChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', which('chromium'), which('chromium-browser')];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function isDebianLike() {
  try {
    return /^(ID|ID_LIKE)=.*(debian|ubuntu)/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const MISSING = 'No Chromium found: install Debian\'s "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.';

/** Installs Debian's chromium package when none is found and we may (root on Debian or Ubuntu). */
function installIfMissing() {
  if (locateChromium() || process.getuid?.() !== 0 || !isDebianLike()) return;
  console.log('Chromium not found: installing Debian\'s chromium package…');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'], { stdio: 'inherit' });
}

/**
 * Returns Chromium's path; with `install`, first installs Debian's package when it is missing and
 * we run as root on Debian or Ubuntu (so `npm test` works on a fresh machine). Throws one clear
 * line when there is none.
 */
export function findChromium({ install = false } = {}) {
  if (install) installIfMissing();
  const found = locateChromium();
  if (found) return found;
  throw new Error(MISSING);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--install')) installIfMissing();
  const found = locateChromium();
  if (!found) {
    console.error(MISSING);
    process.exit(1);
  }
  console.log(found);
}
