import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CLOUD_IMAGE, prepareUpload, readMarker, sha256 } from '../../src/main/core/sync/imageMarker';
import { makeImage } from '../helpers/images';

describe('upload bytes', () => {
  it.each([
    ['png', 300, 300, 'png', [300, 300]],
    ['jpeg', 5000, 2500, 'jpeg', [4096, 2048]],
    ['jpeg', 100, 200, 'jpeg', [256, 512]],
    ['webp', 400, 400, 'png', [400, 400]],
  ] as const)('a %s of %i×%i goes up as %s within the cloud’s sides, marked with the item key', async (format, width, height, out, [w, h]) => {
    const original = await makeImage(format, width, height);
    const prepared = await prepareUpload(original, format, 'ac-0123456789abcdef');
    expect(prepared.format).toBe(out);
    expect(prepared.fileName.endsWith(out === 'png' ? '.png' : '.jpg')).toBe(true);
    const meta = await sharp(prepared.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([w, h]);
    expect(Math.min(meta.width!, meta.height!)).toBeGreaterThanOrEqual(CLOUD_IMAGE.minSide);
    expect(prepared.bytes.length).toBeLessThanOrEqual(CLOUD_IMAGE.maxBytes);
    expect(readMarker(prepared.bytes)).toBe('ac-0123456789abcdef');
    expect(prepared.sha256).toBe(sha256(prepared.bytes));
    // Decoders ignore the marker.
    await expect(sharp(prepared.bytes).resize(300, 300).jpeg().toBuffer()).resolves.toBeInstanceOf(Buffer);
  });

  it('the same picture under two items gives two different uploads', async () => {
    const original = await makeImage('png', 300, 300);
    const [a, b] = await Promise.all([prepareUpload(original, 'png', 'ac-a'), prepareUpload(original, 'png', 'ac-b')]);
    expect(a.sha256).not.toBe(b.sha256);
  });
});
