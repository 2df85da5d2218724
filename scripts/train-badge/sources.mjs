// Which photos and clips the badge model may learn from, and which it must never see.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './load-core.mjs';

export const SHARED = resolve(ROOT, '..', 'shared');
export const IMAGES = join(SHARED, 'images');
export const CLIPS = join(SHARED, 'clips');
export const RULE_ID = 'dress.badge_visible';

/** Folders never used for training: every folder named by a dress.badge_visible row, and badge_lanyard/. */
const EXTRA_HELD_OUT_FOLDERS = ['badge_lanyard'];

/** Training photos left out by hand, with why. */
const EXCLUDED = {
  'sunglasses/selfsun_selfies_1_images_664.jpeg': 'holds an ID card up to the camera: neither a clean negative nor a chest badge',
};

/** The labelled rows for dress.badge_visible: [{ file, expected }] (file relative to shared/images). */
export function labelledRows() {
  const lines = readFileSync(join(IMAGES, 'LABELS.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines
    .map((line) => line.split('\t'))
    .filter(([, rule]) => rule === RULE_ID)
    .map(([file, , expected]) => ({ file, expected }));
}

export function heldOutFolders() {
  return new Set([...labelledRows().map((row) => row.file.split('/')[0]), ...EXTRA_HELD_OUT_FOLDERS]);
}

/** Photos (relative to shared/images) usable as torso backgrounds: no labelled badge row and no held-out folder. */
export function trainingPhotos() {
  const held = heldOutFolders();
  const labelled = new Set(labelledRows().map((row) => row.file));
  const photos = [];
  for (const folder of readdirSync(IMAGES).sort()) {
    if (held.has(folder) || !statSync(join(IMAGES, folder)).isDirectory()) continue;
    for (const name of readdirSync(join(IMAGES, folder)).sort()) {
      const file = `${folder}/${name}`;
      if (!/\.(jpe?g|png|webp)$/i.test(name) || labelled.has(file) || EXCLUDED[file]) continue;
      photos.push(file);
    }
  }
  return photos;
}

export function trainingClips() {
  return readdirSync(CLIPS).filter((name) => name.endsWith('.mp4')).sort();
}
