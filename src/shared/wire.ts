/**
 * JSON with one extension: byte arrays travel as `{"$bytes": "<base64>"}`.
 * Electron IPC clones Uint8Array natively; the web bridge and its client use this codec.
 */
const BYTES_KEY = '$bytes';

/** Node's Buffer when present (main, CLI, bridge); the renderer has only atob/btoa. */
interface NodeBufferStatic {
  from(data: ArrayBufferLike, byteOffset?: number, length?: number): { toString(encoding: 'base64'): string };
  from(data: string, encoding: 'base64'): Uint8Array;
}
const NodeBuffer = (globalThis as { Buffer?: NodeBufferStatic }).Buffer;

const toBase64 = (bytes: Uint8Array): string => {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
};

const fromBase64 = (text: string): Uint8Array => {
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(text, 'base64'));
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

export const encodeWire = (value: unknown): string =>
  JSON.stringify(value, function replaceBytes(this: Record<string, unknown>, key: string, item: unknown) {
    // Read the holder, not `item`: a Node Buffer has already been through its own toJSON by now.
    const raw = this[key];
    return raw instanceof Uint8Array ? { [BYTES_KEY]: toBase64(raw) } : item;
  });

export const decodeWire = (text: string): unknown =>
  JSON.parse(text, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      const encoded = (item as Record<string, unknown>)[BYTES_KEY];
      if (keys.length === 1 && typeof encoded === 'string') return fromBase64(encoded);
    }
    return item;
  });
