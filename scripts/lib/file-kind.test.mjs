import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKindOf, sniffKind } from './file-kind.mjs';

describe('sniffKind', () => {
  it('recognises photo and video headers', () => {
    expect(sniffKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('image');
    expect(sniffKind(Buffer.from('\x89PNG\r\n\x1a\n0000', 'latin1'))).toBe('image');
    expect(sniffKind(Buffer.from('RIFF0000WEBPVP8 ', 'latin1'))).toBe('image');
    expect(sniffKind(Buffer.from('0000ftypisom0000', 'latin1'))).toBe('video');
    expect(sniffKind(Buffer.from('0000ftypavif0000', 'latin1'))).toBe('image');
    expect(sniffKind(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]))).toBe('video');
    expect(sniffKind(Buffer.from('hello world, text', 'latin1'))).toBeNull();
  });
});

describe('fileKindOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-kind-'));

  it('names the problem for missing, directory and non-media files', () => {
    expect(() => fileKindOf(join(dir, 'missing.jpg'))).toThrow('no such file');
    mkdirSync(join(dir, 'folder.jpg'));
    expect(() => fileKindOf(join(dir, 'folder.jpg'))).toThrow('is a directory');
    writeFileSync(join(dir, 'notes.jpg'), 'just some text');
    expect(() => fileKindOf(join(dir, 'notes.jpg'))).toThrow('is not a photo or video');
  });
});
