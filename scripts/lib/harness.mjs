// Opens the analysis harness page (analyze.html) in headless Chromium against the built app.
// The CLI, `npm run eval` and `npm run bench` share this, so they run the page's own pipeline.
import { isLocalUrl, launchChromium } from './browser.mjs';
import { ensureBuilt } from './build.mjs';
import { DIST } from './paths.mjs';
import { startStaticServer } from './static-server.mjs';

/**
 * @param {{ inputs?: string[], poseVariant?: 'lite'|'full', delegate?: 'CPU'|'GPU'|'auto', maxPeople?: number, quiet?: boolean }} options
 */
export async function openHarness({ inputs = [], poseVariant = 'lite', delegate = 'auto', maxPeople, quiet = false } = {}) {
  ensureBuilt({ quiet });
  const server = await startStaticServer(DIST, inputs);
  const browser = await launchChromium();
  const externalRequests = [];
  const pageErrors = [];
  try {
    const page = await browser.newPage();
    page.on('request', (request) => {
      if (!isLocalUrl(request.url())) externalRequests.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const people = maxPeople ? `&people=${maxPeople}` : '';
    await page.goto(`${server.url}/analyze.html?pose=${poseVariant}&delegate=${delegate}${people}`);
    const info = await page.evaluate(() => window.countercheck.ready);
    return {
      page,
      info,
      externalRequests,
      pageErrors,
      inputUrl: (index) => `${server.url}/__input/${index}`,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}
