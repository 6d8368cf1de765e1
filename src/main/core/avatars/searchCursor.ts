import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '../../../shared/errors';
import { isId } from '../../../shared/ids';
import { AVATAR_SORTS, type AvatarSort } from '../../../shared/vocabulary';

/**
 * The opaque `nextCursor` of a search page: base64url of `[sort, key, check]`, where `key` is the
 * last row's sort values plus its id (keyset pagination) and `check` is a hash of the search it
 * belongs to and of the key. A cursor that was edited, truncated, or comes from another search
 * (other words, filters, project or sort) is refused with VALIDATION_FAILED instead of silently
 * starting somewhere else.
 */

/** One value per ORDER BY term, the id last. */
export type CursorKey = (string | number)[];

type KeyPart = 'int' | 'text' | 'id';

/** What each sort's key holds: created_at; usage_count, created_at; coalesce(last_used_at, -1), created_at; name. */
const KEY_SHAPES: Record<AvatarSort, readonly KeyPart[]> = {
  newest: ['int', 'id'],
  most_used: ['int', 'int', 'id'],
  recently_used: ['int', 'int', 'id'],
  name: ['text', 'id'],
};

const MAX_TEXT_KEY = 2_000;
const CHECK_LENGTH = 16;

const check = (fingerprint: string, sort: AvatarSort, key: CursorKey): string =>
  createHash('sha256').update(JSON.stringify([fingerprint, sort, key])).digest('base64url').slice(0, CHECK_LENGTH);

/** A stable description of a search (everything but the page size and cursor). */
export const searchFingerprint = (search: Record<string, unknown>): string => JSON.stringify(search);

export const encodeCursor = (fingerprint: string, sort: AvatarSort, key: CursorKey): string =>
  Buffer.from(JSON.stringify([sort, key, check(fingerprint, sort, key)]), 'utf8').toString('base64url');

const invalid = (why: string): AppError =>
  new AppError(ErrorCode.VALIDATION_FAILED, `cursor: ${why}`, [{ path: 'cursor', message: why }]);

const validKeyPart = (shape: KeyPart, value: unknown): boolean => {
  if (shape === 'id') return isId('avatar', value);
  if (shape === 'int') return Number.isSafeInteger(value);
  return typeof value === 'string' && value.length <= MAX_TEXT_KEY;
};

/** The key to continue after; throws VALIDATION_FAILED for anything this search did not hand out. */
export const decodeCursor = (cursor: string, fingerprint: string, sort: AvatarSort): CursorKey => {
  let parsed: unknown;
  try {
    const bytes = Buffer.from(cursor, 'base64url');
    // Only the exact text encodeCursor wrote: the decoder would skip stray or extra characters.
    if (bytes.toString('base64url') !== cursor) throw new Error('not canonical base64url');
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('not a cursor this search handed out; start again from the first page');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid('not a cursor this search handed out; start again from the first page');
  const [cursorSort, key, sum] = parsed as unknown[];
  if (typeof cursorSort !== 'string' || !(AVATAR_SORTS as readonly string[]).includes(cursorSort) || !Array.isArray(key) || typeof sum !== 'string') {
    throw invalid('not a cursor this search handed out; start again from the first page');
  }
  const shape = KEY_SHAPES[cursorSort as AvatarSort];
  if (key.length !== shape.length || !shape.every((part, i) => validKeyPart(part, key[i]))) {
    throw invalid('not a cursor this search handed out; start again from the first page');
  }
  if (cursorSort !== sort || sum !== check(fingerprint, sort, key as CursorKey)) {
    throw invalid('belongs to a different search (or was changed); start again from the first page');
  }
  return key as CursorKey;
};
