#!/usr/bin/env node
// Finds a Chromium for the browser tests. Where none is installed and we run as root with apt
// (CI, a fresh machine), installs Debian's `chromium`; otherwise says exactly what to do.
// Prints the path on stdout's last line; exits 1 when there is none.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

export function findChromium() {
  return CANDIDATES.find((p) => existsSync(p));
}

function hasApt() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

export function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasApt()) {
    console.error('No Chromium found: installing Debian\'s "chromium" with apt-get (one time, about a minute)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = findChromium();
    if (found) return found;
  }
  console.error(
    [
      'The component tests run in a real Chromium, and none was found.',
      'Install one, then run the tests again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  macOS:          brew install --cask chromium',
      'or point CHROME_PATH at an existing Chrome or Chromium binary:',
      '  CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = ensureChromium();
  if (!path) process.exit(1);
  console.log(path);
}
