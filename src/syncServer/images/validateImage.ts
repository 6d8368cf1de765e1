import path from 'node:path';
import sharp from 'sharp';
import { handlerValidation } from '../http/reply';
import type { MultipartFile } from '../http/multipart';
import { sniffType } from './sniff';

/** The cloud's upload rules: ≤ 10 MB, JPEG/PNG/WebP by content, each side 256–4096 px. */
export const IMAGE_RULES = {
  maxBytes: 10 * 1024 * 1024,
  minSide: 256,
  maxSide: 4096,
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
  extensions: { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' },
} as const;

export interface ValidImage {
  bytes: Buffer;
  mimeType: string;
  /** From the client's file name (sanitised): the cloud names stored files after it. */
  extension: string;
  width: number;
  height: number;
}

/** sanitizeFilename: basename, unsafe characters to '_', no leading dot. */
const sanitizeFilename = (name: string): string => {
  let safe = path.basename(name).replace(/[^a-zA-Z0-9._-]/g, '_');
  if (safe.startsWith('.')) safe = `_${safe}`;
  return safe || 'unnamed_file';
};

const fail = (message: string) => handlerValidation(message, 'image');

/**
 * validateImageFile, in the cloud's order and with its messages. These are thrown inside the
 * handler, so they answer 400 VALIDATION_ERROR in the handler shape, unlike field validation.
 * Note the file name must end in an extension that matches the content.
 */
export const validateImage = async (file: MultipartFile): Promise<ValidImage> => {
  if (file.bytes.length === 0) throw handlerValidation('File is empty');
  if (file.truncated || file.bytes.length > IMAGE_RULES.maxBytes) throw fail('File too large. Maximum size is 10MB');
  const detected = sniffType(file.bytes);
  if (!detected) throw fail('Could not determine file type. The file may be corrupted or not a valid image');
  if (!(IMAGE_RULES.mimeTypes as readonly string[]).includes(detected.mime)) {
    throw fail(`Invalid image format. Only ${IMAGE_RULES.mimeTypes.join(', ')} are allowed. Detected: ${detected.mime}`);
  }
  const extension = path.extname(sanitizeFilename(file.filename)).toLowerCase();
  const expected = (IMAGE_RULES.extensions as Record<string, string>)[extension];
  if (!expected) throw fail(`Invalid file extension. Only ${Object.keys(IMAGE_RULES.extensions).join(', ')} are allowed`);
  if (expected !== detected.mime) {
    throw fail(`File extension ${extension} does not match actual file type ${detected.mime}. This may indicate a spoofed file.`);
  }
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(file.bytes).metadata());
  } catch {
    throw fail('Invalid image file. Unable to read image metadata');
  }
  if (!width || !height) throw fail('Invalid image file. Missing width or height information');
  const { minSide, maxSide } = IMAGE_RULES;
  if (width < minSide || height < minSide) throw fail(`Image too small. Minimum dimensions are ${minSide}x${minSide} pixels`);
  if (width > maxSide || height > maxSide) throw fail(`Image too large. Maximum dimensions are ${maxSide}x${maxSide} pixels`);
  return { bytes: file.bytes, mimeType: detected.mime, extension, width, height };
};

/** The cloud's own thumbnail: 300×300 cover, JPEG quality 85 (whatever the original's format). */
export const makeThumbnail = (bytes: Buffer): Promise<Buffer> =>
  sharp(bytes).resize(300, 300, { fit: 'cover', position: 'center' }).jpeg({ quality: 85 }).toBuffer();
