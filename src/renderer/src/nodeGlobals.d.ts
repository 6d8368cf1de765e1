/**
 * Stopgap: src/shared/wire.ts reaches for Node's `Buffer` when it exists (it never does in the
 * renderer), and tsconfig.web.json has no Node types. This declares just enough of it, as
 * possibly absent, for that file to type-check here. Remove once wire.ts reads it through
 * `globalThis` with its own local type.
 */
interface NodeBufferLike extends Uint8Array {
  toString(encoding: 'base64'): string;
}

declare var Buffer:
  | {
      from(data: ArrayBufferLike, byteOffset?: number, length?: number): NodeBufferLike;
      from(data: string, encoding: 'base64'): NodeBufferLike;
    }
  | undefined;
