import { cameraClipFromPhoto, PHOTOS } from './fixtures';

/** Builds the fake-camera clips before Chromium starts (it reads them at launch). */
export default function globalSetup(): void {
  cameraClipFromPhoto(PHOTOS.deskUpright, 'desk-upright');
}
