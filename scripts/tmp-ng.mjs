import { join } from 'node:path';
import { openHarness } from './lib/harness.mjs';
import { SHARED } from './lib/paths.mjs';
const clip = join(SHARED, 'clips', process.argv[2] ?? 'ngugat_cap_000000-000018_2fps.mp4');
const h = await openHarness({ inputs: [clip], quiet: true });
try {
  const r = await h.page.evaluate(async ({ url }) => {
    const analyzer = await window.countercheck.analyzer;
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(await (await fetch(url)).blob());
    await new Promise((res) => (video.onloadeddata = res));
    const out = [];
    for (let t = 0; t < video.duration; t += 0.5) {
      await new Promise((res) => { video.onseeked = res; video.currentTime = t; });
      const frame = { pixels: video, widthPx: video.videoWidth, heightPx: video.videoHeight, timestampMs: t * 1000, kind: 'image' };
      const objects = await analyzer.objects.detect(frame);
      out.push([t, objects.filter((o) => o.label === 'person' && o.score >= 0.05).map((o) => `${o.label}:${o.score.toFixed(2)}@${o.box.x.toFixed(2)},${o.box.y.toFixed(2)},${o.box.width.toFixed(2)}x${o.box.height.toFixed(2)}`).join(' ')]);
    }
    return out;
  }, { url: h.inputUrl(0) });
  for (const row of r) console.log(row.join('  '));
} finally { await h.close(); }
