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

/** Returns Chromium's path; throws one clear line when there is none. */
export function findChromium() {
  const found = locateChromium();
  if (found) return found;
  throw new Error('No Chromium found: install Debian\'s "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let found = locateChromium();
  if (!found && process.argv.includes('--install') && process.getuid?.() === 0 && isDebianLike()) {
    console.log('Chromium not found: installing Debian\'s chromium package…');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'], { stdio: 'inherit' });
    found = locateChromium();
  }
  if (!found) {
    console.error('No Chromium found: install Debian\'s "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.log(found);
}
