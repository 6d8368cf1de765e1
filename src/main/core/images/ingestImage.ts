import { createHash } from 'node:crypto';
import type { Metadata, Sharp } from 'sharp';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { ImageFormat, StoredImage } from '../../../shared/domain';
import { IMAGE_LIMITS } from './limits';
import { sniffImageFormat } from './sniffFormat';

export interface IngestedImage {
  info: StoredImage;
  full: Buffer;
  thumb: Buffer;
}

const formatLabel = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** sharp reports problems as plain Errors; these patterns map them to stable codes. */
const describeDecodeFailure = (error: unknown): AppError => {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new AppError(ErrorCode.IMAGE_TOO_MANY_PIXELS, `The image has more than ${IMAGE_LIMITS.maxPixels.toLocaleString('en')} pixels.`);
  }
  if (/unsupported image format/i.test(message)) {
    return new AppError(ErrorCode.IMAGE_UNSUPPORTED_FORMAT, 'The file is not a JPEG, PNG or WebP image.');
  }
  return new AppError(ErrorCode.IMAGE_CORRUPT, 'The image is damaged or incomplete and cannot be read.');
};

const encode = (pipeline: Sharp, format: ImageFormat): Sharp => {
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 92, mozjpeg: false });
    case 'png':
      return pipeline.png();
    case 'webp':
      return pipeline.webp({ quality: 92 });
  }
};

/**
 * Checks an uploaded file and produces what the library stores: the image upright, re-encoded
 * in its own format with every metadata block (EXIF, GPS, XMP, ICC comments) dropped, and a
 * 300×300 cover thumbnail. Cheap checks run first so a bomb is refused before it is decoded.
 */
export const ingestImage = async (bytes: Uint8Array): Promise<IngestedImage> => {
  if (bytes.byteLength === 0) throw new AppError(ErrorCode.IMAGE_EMPTY, 'The file is empty.');
  if (bytes.byteLength > IMAGE_LIMITS.maxBytes) {
    throw new AppError(
      ErrorCode.IMAGE_TOO_LARGE,
      `The file is ${formatLabel(bytes.byteLength)}; the limit is ${formatLabel(IMAGE_LIMITS.maxBytes)}.`,
    );
  }
  const format = sniffImageFormat(bytes);
  if (!format) throw new AppError(ErrorCode.IMAGE_UNSUPPORTED_FORMAT, 'The file is not a JPEG, PNG or WebP image.');

  // Loaded on first use: libvips costs a tenth of a second that CLI calls which read nothing should not pay.
  const { default: sharp } = await import('sharp');
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // failOn 'warning' turns libjpeg's "premature end of file" into an error instead of a grey half-image.
  const source = sharp(input, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'warning' });
  let metadata: Metadata;
  try {
    metadata = await source.metadata();
  } catch (error) {
    throw describeDecodeFailure(error);
  }
  if (!metadata.width || !metadata.height) throw new AppError(ErrorCode.IMAGE_CORRUPT, 'The image has no dimensions.');
  if (metadata.width * metadata.height > IMAGE_LIMITS.maxPixels) {
    throw new AppError(
      ErrorCode.IMAGE_TOO_MANY_PIXELS,
      `The image is ${metadata.width}×${metadata.height}; at most ${IMAGE_LIMITS.maxPixels.toLocaleString('en')} pixels are accepted.`,
    );
  }

  const upright = source.rotate();
  try {
    const [full, thumb] = await Promise.all([
      encode(upright.clone(), format).toBuffer({ resolveWithObject: true }),
      upright
        .clone()
        .resize(IMAGE_LIMITS.thumbSize, IMAGE_LIMITS.thumbSize, { fit: 'cover', position: 'attention' })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: IMAGE_LIMITS.thumbQuality })
        .toBuffer(),
    ]);
    return {
      info: {
        format,
        width: full.info.width,
        height: full.info.height,
        byteSize: full.data.byteLength,
        sha256: createHash('sha256').update(full.data).digest('hex'),
      },
      full: full.data,
      thumb,
    };
  } catch (error) {
    throw describeDecodeFailure(error);
  }
};
