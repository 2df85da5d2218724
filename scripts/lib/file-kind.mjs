// Tells photos and videos apart by their first bytes, so a renamed or broken file is caught early.
import { openSync, readSync, closeSync } from 'node:fs';

/** @returns {'image'|'video'|null} */
export function sniffKind(header) {
  const ascii = (start, end) => header.subarray(start, end).toString('latin1');
  if (header[0] === 0xff && header[1] === 0xd8 && header[2] === 0xff) return 'image'; // JPEG
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image';
  if (ascii(0, 4) === 'GIF8' || ascii(0, 2) === 'BM') return 'image';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image';
  if (ascii(4, 8) === 'ftyp') return /^(avif|avis)/.test(ascii(8, 12)) ? 'image' : 'video'; // MP4, MOV, AVIF
  if (header[0] === 0x1a && header[1] === 0x45 && header[2] === 0xdf && header[3] === 0xa3) return 'video'; // WebM, MKV
  return null;
}

/** Reads a file's header; throws Error with a one-line reason when it cannot be used. */
export function fileKindOf(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const reason = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory' }[error.code];
    throw new Error(reason ?? `cannot be read (${error.code ?? error.message})`);
  }
  try {
    const header = Buffer.alloc(16);
    let bytes;
    try {
      bytes = readSync(fd, header, 0, 16, 0);
    } catch (error) {
      throw new Error(error.code === 'EISDIR' ? 'is a directory' : `cannot be read (${error.code ?? error.message})`);
    }
    const kind = bytes >= 4 ? sniffKind(header) : null;
    if (!kind) throw new Error('is not a photo or video (JPEG, PNG, WebP, GIF, BMP, MP4, MOV or WebM)');
    return kind;
  } finally {
    closeSync(fd);
  }
}
