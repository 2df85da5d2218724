/** Widest thumbnail kept with an opted-in self-check, px. Small on purpose: enough to recall the sitting, not to study a face. */
export const THUMBNAIL_WIDTH_PX = 160;
/** JPEG quality of a thumbnail (0..1). */
export const THUMBNAIL_JPEG_QUALITY = 0.7;

/**
 * A small JPEG of what `element` shows now (a playing video or a decoded image); null when it has no
 * picture yet. Made only on the device, for a user who opted in.
 */
export async function makeThumbnail(
  element: HTMLVideoElement | HTMLImageElement,
  widthPx: number = THUMBNAIL_WIDTH_PX,
): Promise<Blob | null> {
  const sourceWidth = element instanceof HTMLVideoElement ? element.videoWidth : element.naturalWidth;
  const sourceHeight = element instanceof HTMLVideoElement ? element.videoHeight : element.naturalHeight;
  if (!sourceWidth || !sourceHeight) return null;
  const width = Math.min(widthPx, sourceWidth);
  const height = Math.max(1, Math.round((sourceHeight / sourceWidth) * width));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(element, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/jpeg', THUMBNAIL_JPEG_QUALITY));
}
