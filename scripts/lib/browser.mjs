// Launches Debian's Chromium for the CLI, eval, bench and end-to-end tests.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-features=MediaRouter,OptimizationHints,Translate',
];

export function chromiumPath() {
  const path = process.env.COUNTERCHECK_CHROMIUM ?? CANDIDATES.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new Error('Chromium not found: install it with "apt-get install -y chromium", or set COUNTERCHECK_CHROMIUM to its binary.');
  }
  return path;
}

export async function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** True for URLs served by this machine; anything else breaks the on-device promise. */
export function isLocalUrl(url) {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
