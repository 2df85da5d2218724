import type { BrowserContext, Page } from '@playwright/test';

/**
 * Records every track the page's getUserMedia hands out, so a test can count the live ones: a track that
 * is live keeps the camera (and its light) on; track.stop() makes it 'ended'.
 */
export async function recordCameraTracks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tracks: MediaStreamTrack[] = [];
    (window as unknown as { __cameraTracks: MediaStreamTrack[] }).__cameraTracks = tracks;
    const devices = navigator.mediaDevices;
    if (!devices?.getUserMedia) return;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      tracks.push(...stream.getTracks());
      return stream;
    };
  });
}

/** How many camera tracks were opened in this page, and how many of them are still live. */
export function cameraTracks(page: Page): Promise<{ opened: number; live: number }> {
  return page.evaluate(() => {
    const tracks = (window as unknown as { __cameraTracks?: MediaStreamTrack[] }).__cameraTracks ?? [];
    return { opened: tracks.length, live: tracks.filter((track) => track.readyState === 'live').length };
  });
}
