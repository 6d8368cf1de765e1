import type { ProviderImage } from '../provider';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

/**
 * The image type from its first bytes. The Content-Type is not trusted: error pages and JSON can
 * arrive with a 200, and a proxy may label an image `application/octet-stream`.
 */
export const sniffImageMime = (bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | null => {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
};

/** Image bytes from the client's Blob, or (in words, for the job's error message) what came instead. */
export const imageFromBlob = async (blob: Blob): Promise<ProviderImage | { problem: string }> => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes.length === 0) return { problem: 'an empty answer' };
  const mimeType = sniffImageMime(bytes);
  if (mimeType !== null) return { bytes, mimeType };
  const declared = blob.type.split(';')[0]?.trim();
  return { problem: declared ? `${declared} content` : 'data that is not a PNG, JPEG or WebP image' };
};
