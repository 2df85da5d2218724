import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, expect, type Page, test as base } from '@playwright/test';
import { acceptedConsent } from '../../src/core/privacy/consent';
import { CONSENT_KEY } from '../../src/storage/privacy-preferences';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = resolve(ROOT, '..', 'shared');
export const IMAGES = join(SHARED, 'images');
export const CLIPS = join(SHARED, 'clips');
export const CACHE = join(ROOT, 'test', '.cache');

/** Photos the tests use, from ../shared/images (real people). */
export const PHOTOS = {
  frontalSmiling: join(IMAGES, 'upright_front/tfjs_portrait_suit_smiling.jpg'),
  deskUpright: join(IMAGES, 'upright_desk_front/zoom_real_021.jpg'),
};

/** A y4m clip for Chromium's fake camera, made once by ffmpeg from a real photo. */
export function cameraClipFromPhoto(photo: string, name: string, seconds = 3): string {
  const out = join(CACHE, `${name}.y4m`);
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y', '-loop', '1', '-i', photo, '-t', String(seconds),
    '-vf', 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,fps=15',
    '-pix_fmt', 'yuv420p', out,
  ]);
  return out;
}

/** A real photo with its light scaled by `factor` (a dim room), made once by ffmpeg. */
export function dimmedPhoto(photo: string, name: string, factor: number): string {
  const out = join(CACHE, `${name}.jpg`);
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  const scale = `val*${factor}`;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', photo, '-vf', `lutrgb=r=${scale}:g=${scale}:b=${scale}`, out]);
  return out;
}

/** A real photo turned `degrees` clockwise about its centre (the canvas grown to hold it), made once by ffmpeg. */
export function rotatedPhoto(photo: string, name: string, degrees: number): string {
  const out = join(CACHE, `${name}.png`);
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  const angle = `${degrees}*PI/180`;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', photo, '-vf', `rotate=${angle}:ow=rotw(${angle}):oh=roth(${angle}):c=gray`, out]);
  return out;
}

/** Every request a page (or every page of a context) makes, so a test can assert none leaves this machine. */
export function watchNetwork(target: Page | BrowserContext): { external: string[]; all: string[] } {
  const seen = { external: [] as string[], all: [] as string[] };
  target.on('request', (request) => {
    const url = request.url();
    seen.all.push(url);
    const { protocol, hostname } = new URL(url);
    const local = ['data:', 'blob:', 'about:'].includes(protocol) || ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
    if (!local) seen.external.push(url);
  });
  return seen;
}

/**
 * Seeds this context's pages with an acceptance of the current consent text, as if the person had
 * pressed "Accept" on an earlier visit. Seeded once per tab (a withdrawal in the test then sticks across
 * reloads); a profile without it shows the consent screen and runs nothing (consent.spec.ts).
 */
export async function acceptConsentIn(context: BrowserContext): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      try {
        if (sessionStorage.getItem('countercheck.test.consentSeeded')) return;
        sessionStorage.setItem('countercheck.test.consentSeeded', '1');
        if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      } catch {
        // about:blank and opaque origins have no storage
      }
    },
    [CONSENT_KEY, JSON.stringify(acceptedConsent(Date.now()))] as const,
  );
}

/**
 * A test in a context that has accepted the consent text (`acceptConsentIn`), so specs of the running app
 * start past the consent screen, and that fails on any request leaving localhost from any of the context's
 * pages: every test, in every mode (self-check, monitoring, supervisor, trainer), is watched.
 */
export const test = base.extend<{ network: { external: string[]; all: string[] } }>({
  context: async ({ context }, use) => {
    await acceptConsentIn(context);
    await use(context);
  },
  network: [
    async ({ context }, use) => {
      const network = watchNetwork(context);
      await use(network);
      expect(network.external, 'requests that left this machine').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Every store of the app's IndexedDB exists and is empty (whatever stores a later schema adds). */
export async function expectAllStoresEmpty(page: Page): Promise<void> {
  const counts = await storeCounts(page);
  expect(Object.keys(counts)).toEqual(expect.arrayContaining(['calibrations', 'checks', 'minutes', 'settings']));
  expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((name) => [name, 0])));
}

/** Records in each store of the app's IndexedDB, read in the page. */
export function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('countercheck');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const names = Array.from(database.objectStoreNames);
          const tx = database.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const count = tx.objectStore(name).count();
            count.onsuccess = () => (counts[name] = count.result);
          }
          tx.oncomplete = () => {
            database.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Locator for one live measure's value in the page. */
export const measure = (page: Page, key: string) => page.locator(`cc-measures dd[data-measure="${key}"]`);

/** Args every test browser gets (no background traffic, no first-run UI). */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-background-networking', '--no-first-run'];

/** A browser of its own for a test that needs other camera flags, with consent given in a fresh context. */
export async function launchWithCamera(extraArgs: readonly string[]): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: process.env.COUNTERCHECK_CHROMIUM ?? '/usr/lib/chromium/chromium',
    args: [...BROWSER_ARGS, '--use-fake-device-for-media-stream', ...extraArgs],
  });
  const context = await browser.newContext();
  await acceptConsentIn(context);
  return { browser, page: await context.newPage() };
}
