// What avatars.search should answer, worked out in plain TypeScript from the seeded rows.
import type { CommandInput } from '../../src/shared/contract';
import type { AvatarSort } from '../../src/shared/vocabulary';
import type { SeededAvatar } from '../helpers/seedVaried';
import type { TestLibrary } from '../helpers/library';

export type SearchInput = CommandInput<'avatars.search'>;

const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);
/** SQLite's NOCASE folds ASCII letters only. */
const nocase = (text: string): string => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

const newest = (a: SeededAvatar, b: SeededAvatar): number => compare(b.createdAt, a.createdAt) || compare(b.id, a.id);

export const COMPARATORS: Record<AvatarSort, (a: SeededAvatar, b: SeededAvatar) => number> = {
  newest,
  most_used: (a, b) => b.usageCount - a.usageCount || newest(a, b),
  recently_used: (a, b) => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1) || newest(a, b),
  name: (a, b) => compare(nocase(a.name), nocase(b.name)) || compare(a.id, b.id),
};

/** Words as unicode61 with remove_diacritics 2 sees them: folded case, accents gone, split on anything but letters and digits. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const tokens = (text: string): string[] => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const indexedText = (avatar: SeededAvatar): string[] =>
  tokens(
    [avatar.name, avatar.personaName, avatar.background, JSON.stringify(avatar.personality), avatar.prompt, avatar.style, avatar.hairColor]
      .filter((part) => part !== null)
      .join(' '),
  );

const matchesText = (avatar: SeededAvatar, query: string | undefined): boolean => {
  const words = tokens(query ?? '');
  if (words.length === 0) return true;
  const own = indexedText(avatar);
  return words.every((word) => own.some((token) => token.startsWith(word)));
};

const oneOf = <T>(values: readonly T[] | undefined, value: T): boolean => values === undefined || values.includes(value);

export const matches = (avatar: SeededAvatar, input: SearchInput): boolean =>
  (input.projectId === undefined || avatar.projectId === input.projectId) &&
  oneOf(input.gender, avatar.gender as never) &&
  oneOf(input.ageRange, avatar.ageRange as never) &&
  (input.style === undefined || (avatar.style !== null && input.style.map((style) => style.toLowerCase()).includes(avatar.style.toLowerCase()))) &&
  oneOf(input.sourceType, avatar.sourceType) &&
  oneOf(input.provider, avatar.provider as never) &&
  oneOf(input.model, avatar.model as never) &&
  matchesText(avatar, input.query);

/** The ids avatars.search should return for this input, in order, across all its pages. */
export const expectedIds = (avatars: SeededAvatar[], input: SearchInput): string[] =>
  avatars
    .filter((avatar) => matches(avatar, input))
    .sort(COMPARATORS[input.sort ?? 'newest'])
    .map((avatar) => avatar.id);

export interface Walk {
  ids: string[];
  totals: Set<number>;
  pages: number;
}

/** Follows nextCursor to the end, checking that no page repeats an avatar. */
export const walk = async (lib: TestLibrary, input: SearchInput, limit: number): Promise<Walk> => {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await lib.must('avatars.search', { ...input, limit, ...(cursor !== undefined && { cursor }) });
    pages += 1;
    if (page.items.length > limit) throw new Error('page larger than its limit');
    ids.push(...page.items.map((avatar) => avatar.id));
    totals.add(page.total);
    cursor = page.nextCursor ?? undefined;
    if (pages > 10_000) throw new Error('pagination does not end');
  } while (cursor !== undefined);
  return { ids, totals, pages };
};
