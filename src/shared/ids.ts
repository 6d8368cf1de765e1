/**
 * Ids are a kind prefix plus 24 lowercase base-36 characters, e.g. `prj_0f3k...`.
 * The strict format is what lets an id be used in a file name or URL without escaping.
 */
export const ID_PREFIX = {
  project: 'prj',
  avatar: 'ava',
  preset: 'pst',
  generation: 'gen',
  usage: 'use',
  batch: 'bat',
  ledger: 'led',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ID_BODY_LENGTH = 24;
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export const idPattern = (kind: IdKind): RegExp => new RegExp(`^${ID_PREFIX[kind]}_[0-9a-z]{${ID_BODY_LENGTH}}$`);

export const isId = (kind: IdKind, value: unknown): value is string => typeof value === 'string' && idPattern(kind).test(value);

/** Uses Web Crypto so the same code runs in Node, the renderer and the preload. */
export const newId = (kind: IdKind): string => {
  const bytes = new Uint8Array(ID_BODY_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let body = '';
  for (const byte of bytes) body += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `${ID_PREFIX[kind]}_${body}`;
};
