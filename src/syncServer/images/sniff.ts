/**
 * Magic-byte detection, the part of the cloud's file-type check that matters here: the three
 * accepted formats, plus a few common others so a wrong file is named in the error as the cloud
 * names it ("Detected: image/gif").
 */
export interface Sniffed {
  mime: string;
}

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

const SIGNATURES: ReadonlyArray<{ mime: string; test: (bytes: Buffer) => boolean }> = [
  { mime: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/webp', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { mime: 'image/gif', test: (b) => startsWith(b, ascii('GIF8')) },
  { mime: 'image/bmp', test: (b) => startsWith(b, ascii('BM')) && b.length > 14 },
  { mime: 'image/tiff', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { mime: 'application/pdf', test: (b) => startsWith(b, ascii('%PDF')) },
  { mime: 'application/zip', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
  { mime: 'application/gzip', test: (b) => startsWith(b, [0x1f, 0x8b]) },
];

export const sniffType = (bytes: Buffer): Sniffed | undefined => {
  const found = SIGNATURES.find((signature) => signature.test(bytes));
  return found && { mime: found.mime };
};
