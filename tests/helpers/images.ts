import sharp from 'sharp';

/** A real photo-like image: a gradient with noise, so encoders do real work. */
export const makeImage = async (
  format: 'jpeg' | 'png' | 'webp',
  width = 640,
  height = 480,
  options: { orientation?: number; exif?: Record<string, string> } = {},
): Promise<Buffer> => {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * channels;
      raw[offset] = (x * 255) / width;
      raw[offset + 1] = (y * 255) / height;
      raw[offset + 2] = ((x ^ y) * 7) & 0xff;
    }
  }
  let pipeline = sharp(raw, { raw: { width, height, channels } });
  if (options.orientation || options.exif) {
    pipeline = pipeline.withMetadata({
      ...(options.orientation && { orientation: options.orientation }),
      ...(options.exif && { exif: { IFD0: options.exif } }),
    });
  }
  return pipeline.toFormat(format).toBuffer();
};
