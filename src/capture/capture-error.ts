export type CaptureErrorCode =
  | 'permission-denied'
  | 'no-camera'
  | 'camera-busy'
  | 'camera-ended'
  | 'camera-black'
  | 'camera-stalled'
  | 'camera-unsupported'
  | 'unreadable-file'
  | 'unsupported-file';

const MESSAGES: Record<CaptureErrorCode, string> = {
  'permission-denied':
    'Camera permission denied: allow the camera for this site in the address bar, then press Retry.',
  'no-camera': 'No camera found: plug in a webcam and press Retry, or open a photo or video file instead.',
  'camera-busy': 'The camera is in use by another program or tab: close it there and press Retry.',
  'camera-ended': 'The camera stopped (unplugged or switched off): reconnect it and press Retry.',
  'camera-black':
    'The camera sends only black pictures: open its privacy shutter or uncover the lens, or turn on the light. The check resumes by itself; press Retry to restart the camera.',
  'camera-stalled':
    'The camera stopped sending pictures: check its cable and close other programs that use it, then press Retry.',
  'camera-unsupported':
    'This browser cannot open a camera here: use a current Chrome, Edge or Firefox on https or localhost.',
  'unreadable-file': 'could not be read: the file may be damaged. Try another photo or video.',
  'unsupported-file': 'is not a photo or video this browser can open (use JPEG, PNG, WebP, MP4 or WebM).',
};

/** A capture failure with a message a person can act on. */
export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    readonly fileName?: string,
  ) {
    super(fileName ? `${fileName} ${MESSAGES[code]}` : MESSAGES[code]);
    this.name = 'CaptureError';
  }
}

/** Maps getUserMedia's DOMException names to what the person should do. */
export function cameraErrorFrom(error: unknown): CaptureError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new CaptureError('permission-denied');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new CaptureError('no-camera');
    case 'NotReadableError':
    case 'AbortError':
      return new CaptureError('camera-busy');
    default:
      return new CaptureError('camera-unsupported');
  }
}
