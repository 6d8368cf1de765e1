import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** docs/sync-api.md §3.1: the marker keyword / prefix the client writes into each uploaded image. */
export const MARKER_KEYWORD = 'LumikuSync';
/** The cloud's image rules (LUMIKU_API.md): each side 256–4096 px, at most 10 MB. */
export const CLOUD_IMAGE = { minSide: 256, maxSide: 4096, maxBytes: 10 * 1024 * 1024 } as const;

export interface PreparedUpload {
  bytes: Buffer;
  format: 'png' | 'jpeg';
  fileName: string;
  sha256: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A tEXt chunk right after IHDR (decoders ignore it; the cloud keeps the bytes as sent). */
export const markPng = (png: Buffer, text: string): Buffer => {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  const ihdrEnd = 8 + 8 + png.readUInt32BE(8) + 4;
  const data = Buffer.concat([Buffer.from(MARKER_KEYWORD, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0, 8 + data.length);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
};

/** A COM segment right after SOI. */
export const markJpeg = (jpeg: Buffer, text: string): Buffer => {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const data = Buffer.from(`${MARKER_KEYWORD}:${text}`, 'latin1');
  const segment = Buffer.alloc(4 + data.length);
  segment[0] = 0xff;
  segment[1] = 0xfe;
  segment.writeUInt16BE(data.length + 2, 2);
  data.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
};

/** Reads the marker back (tests, and a stricter match when the hash check is not enough). */
export const readMarker = (bytes: Buffer): string | null => {
  const latin = bytes.toString('latin1', 0, Math.min(bytes.length, 4096));
  const at = latin.indexOf(MARKER_KEYWORD);
  if (at < 0) return null;
  const match = /^LumikuSync[\0:]([\x21-\x7e]+)/.exec(latin.slice(at));
  return match ? match[1]! : null;
};

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The exact bytes one outbox item uploads: the local original fitted to the cloud's 256–4096 px and
 * 10 MB (scaled, never cropped), WebP re-encoded as PNG, then marked with the item's key so the
 * item's upload is recognisable on the server even when the same picture was uploaded twice.
 */
export const prepareUpload = async (original: Buffer, format: 'png' | 'jpeg' | 'webp', key: string): Promise<PreparedUpload> => {
  const meta = await sharp(original).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const longest = Math.max(width, height);
  const shortest = Math.min(width, height);
  let scale = 1;
  if (longest > CLOUD_IMAGE.maxSide) scale = CLOUD_IMAGE.maxSide / longest;
  else if (shortest < CLOUD_IMAGE.minSide) scale = Math.min(CLOUD_IMAGE.minSide / shortest, CLOUD_IMAGE.maxSide / longest);
  let bytes = original;
  let outFormat: 'png' | 'jpeg' = format === 'jpeg' ? 'jpeg' : 'png';
  if (scale !== 1 || format === 'webp') {
    const pipeline = sharp(original).rotate();
    const resized = scale !== 1 ? pipeline.resize(Math.max(CLOUD_IMAGE.minSide, Math.round(width * scale)), Math.max(CLOUD_IMAGE.minSide, Math.round(height * scale)), { fit: 'fill' }) : pipeline;
    bytes = outFormat === 'png' ? await resized.png().toBuffer() : await resized.jpeg({ quality: 92 }).toBuffer();
  }
  if (bytes.length > CLOUD_IMAGE.maxBytes - 1024) {
    // Too large as it is: JPEG at falling quality, then smaller, until it fits.
    outFormat = 'jpeg';
    let quality = 92;
    let side = Math.min(longest * scale, CLOUD_IMAGE.maxSide);
    do {
      bytes = await sharp(original).rotate().resize(Math.round(side), Math.round(side), { fit: 'inside' }).jpeg({ quality }).toBuffer();
      if (quality > 70) quality -= 10;
      else side *= 0.8;
    } while (bytes.length > CLOUD_IMAGE.maxBytes - 1024 && side >= CLOUD_IMAGE.minSide);
  }
  const marked = outFormat === 'png' ? markPng(bytes, key) : markJpeg(bytes, key);
  return { bytes: marked, format: outFormat, fileName: `avatar.${outFormat === 'png' ? 'png' : 'jpg'}`, sha256: sha256(marked) };
};
