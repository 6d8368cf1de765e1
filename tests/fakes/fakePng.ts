import sharp from 'sharp';
import { seededRandom } from './seededRandom';

const CACHE_LIMIT = 64;
const cache = new Map<string, Promise<Buffer>>();

/**
 * A real PNG whose every pixel follows from the seed: two seeded colours blended across the image,
 * plus seeded stripes, so two seeds never give the same bytes and the same seed always does.
 */
const render = async (seed: number, width: number, height: number): Promise<Buffer> => {
  const random = seededRandom(seed);
  const from = [random() * 255, random() * 255, random() * 255];
  const to = [random() * 255, random() * 255, random() * 255];
  const stripe = 4 + Math.floor(random() * 28);
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const mix = (x + y) / (width + height);
      const lift = Math.floor((x + 2 * y) / stripe) % 2 === 0 ? 0 : 24;
      const offset = (y * width + x) * 3;
      for (let channel = 0; channel < 3; channel += 1) {
        const value = (from[channel] ?? 0) * (1 - mix) + (to[channel] ?? 0) * mix + lift;
        raw[offset + channel] = Math.min(255, value);
      }
    }
  }
  // Low compression: the fake is about protocol and timing, not about small files.
  return sharp(raw, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
};

/** Cached, because a benchmark asks for the same few images hundreds of times. */
export const seededPng = (seed: number, width: number, height: number): Promise<Buffer> => {
  const key = `${seed}:${width}x${height}`;
  let image = cache.get(key);
  if (!image) {
    image = render(seed, width, height);
    image.catch(() => cache.delete(key));
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(key, image);
  }
  return image;
};

/**
 * What the fake "edits" a reference into: the reference itself, recoloured by the seed and marked
 * with a seeded band, so the result visibly depends on both and keeps the reference's size.
 */
export const editedPng = async (reference: Buffer, seed: number): Promise<Buffer> => {
  const random = seededRandom(seed);
  const image = sharp(reference, { failOn: 'warning' });
  const { width = 0, height = 0 } = await image.metadata();
  const band = await sharp({
    create: { width, height: Math.max(1, Math.round(height / 8)), channels: 3, background: { r: random() * 255, g: random() * 255, b: random() * 255 } },
  })
    .png()
    .toBuffer();
  return image
    .modulate({ hue: Math.floor(random() * 360), saturation: 1.2 })
    .composite([{ input: band, top: 0, left: 0 }])
    .png({ compressionLevel: 1 })
    .toBuffer();
};
