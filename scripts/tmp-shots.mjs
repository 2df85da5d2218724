import { execFileSync } from 'node:child_process';
import { launchChromium } from './lib/browser.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { DIST } from './lib/paths.mjs';
const y4m = '/tmp/v/cam.y4m';
execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', '/work/shared/images/' + process.argv[2], '-t', '4', '-r', '10', '-vf', 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,format=yuv420p', y4m]);
const server = await startStaticServer(DIST, []);
const browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`]);
const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(server.url + '/' + (process.argv[3] ?? ''));
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/v/s0.png' });
for (const [i, label] of (process.argv[4] ?? '').split(',').filter(Boolean).entries()) {
  await page.getByRole('button', { name: label }).first().click();
  await page.waitForTimeout(Number(process.env.WAIT ?? 6000));
  await page.screenshot({ path: `/tmp/v/s${i + 1}.png`, fullPage: true });
}
await browser.close();
await server.close();
