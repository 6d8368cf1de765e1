import { and, sql, type SQL } from 'drizzle-orm';
import type { CommandArgs } from '../../../shared/contract';
import type { AvatarPage } from '../../../shared/domain';
import { SEARCH_LIMITS, type AvatarSort } from '../../../shared/vocabulary';
import { avatars } from '../db/schema';
import type { LibraryContext } from '../library/context';
import { rowToAvatar } from './avatarRows';
import { AVATAR_SORT_SPECS, type AvatarSortSpec } from './avatarSearchSorts';
import { SearchStatements, sqliteClient } from './avatarSearchStatements';
import { matchExpression, wordsExpression } from './avatarSearchText';
import { decodeCursor, encodeCursor, searchFingerprint } from './searchCursor';

type SearchArgs = CommandArgs<'avatars.search'>;

const DEFAULT_SORT: AvatarSort = 'newest';

/**
 * Up to this many matches (of the words, or of the filters), a page is found by looking each one
 * up and sorting them; beyond it, by walking the sort's index and keeping the rows that match.
 */
export const FTS_DRIVEN_MAX = 2_000;

const uniqueSorted = <T extends string>(values: readonly T[] | undefined): T[] | null => (values ? [...new Set(values)].sort() : null);

/** The search without page size and cursor, in one canonical form: what a cursor is bound to. */
const normalise = (args: SearchArgs) => ({
  words: wordsExpression(args.query),
  projectId: args.projectId ?? null,
  gender: uniqueSorted(args.gender),
  ageRange: uniqueSorted(args.ageRange),
  // Styles are free text ("Casual" from a suggestion, "casual" typed): compared without case.
  style: uniqueSorted(args.style?.map((style) => style.toLowerCase())),
  sourceType: uniqueSorted(args.sourceType),
  provider: uniqueSorted(args.provider),
  model: uniqueSorted(args.model),
  sort: args.sort ?? DEFAULT_SORT,
});

type Search = ReturnType<typeof normalise>;

interface PageIds {
  total: number;
  /** Up to limit + 1, in order: one more than the page says whether there is a next one. */
  rowids: number[];
}

const inProject = (search: Search): SQL | undefined => (search.projectId === null ? undefined : sql`${avatars.projectId} = ${search.projectId}`);

/**
 * Filters other than the project: AND across keys, OR within one key's values, all bound
 * parameters. `walking` writes them as `+column`, which SQLite cannot answer from an index: the
 * page then comes from walking the sort's index rather than from a filter index plus a sort.
 */
const attributeFilters = (search: Search, walking = false): SQL[] => {
  const column = (name: string) => sql.raw(`${walking ? '+' : ''}avatars."${name}"`);
  const oneOf = (name: string, values: readonly string[] | null, collate = '') =>
    values &&
    sql`${column(name)}${sql.raw(collate)} in (${sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )})`;
  return [
    oneOf(avatars.gender.name, search.gender),
    oneOf(avatars.ageRange.name, search.ageRange),
    oneOf(avatars.style.name, search.style, ' collate nocase'),
    oneOf(avatars.sourceType.name, search.sourceType),
    oneOf(avatars.provider.name, search.provider),
    oneOf(avatars.model.name, search.model),
  ].filter((condition): condition is SQL => Boolean(condition));
};

const allOf = (conditions: (SQL | undefined)[]): SQL => and(...conditions) ?? sql`1`;

/**
 * `avatars.search`: full text (FTS5, see drizzle/0003_avatar_search.sql), filters, four sorts and
 * keyset pagination. It finds the page's rowids in order (walking an index, or from the full-text
 * matches), then reads those rows; the page and its total come from one read transaction.
 */
export class AvatarSearch {
  private statements: SearchStatements | null = null;

  constructor(private readonly ctx: LibraryContext) {}

  search(args: SearchArgs): AvatarPage {
    const search = normalise(args);
    const limit = args.limit ?? SEARCH_LIMITS.pageDefault;
    const spec = AVATAR_SORT_SPECS[search.sort];
    const fingerprint = searchFingerprint(search);
    const after = args.cursor === undefined ? undefined : spec.after(decodeCursor(args.cursor, fingerprint, search.sort));
    const db = (this.statements ??= new SearchStatements(sqliteClient(this.ctx.db)));

    return db.snapshot(() => {
      const { total, rowids } = search.words === null ? listPage(db, search, spec, after, limit) : textPage(db, search, search.words, spec, after, limit);
      const rows = db.rows(rowids.slice(0, limit));
      const last = rows.at(-1);
      return {
        items: rows.map(rowToAvatar),
        nextCursor: rowids.length > limit && last ? encodeCursor(fingerprint, search.sort, spec.key(last)) : null,
        total,
      };
    });
  }
}

/**
 * No words. Within a project, its part of an index; across the library, with filters, the filter
 * index (every filter column) counts without reading rows. When the filters keep few avatars those
 * are looked up and sorted; otherwise the sort's index is walked, filtering as it goes, until the
 * page is full.
 */
const listPage = (db: SearchStatements, search: Search, spec: AvatarSortSpec, after: SQL | undefined, limit: number): PageIds => {
  const filters = attributeFilters(search);
  const from = search.projectId === null && filters.length > 0 ? sql`avatars indexed by avatars_filter_idx` : sql`avatars`;
  const total = db.scalar(sql`select count(*) from ${from} where ${allOf([inProject(search), ...filters])}`);
  if (total === 0) return { total, rowids: [] };
  const orderBy = sql.join(spec.orderBy, sql`, `);
  const lookUp = filters.length > 0 && total <= FTS_DRIVEN_MAX;
  const rowids = lookUp
    ? db.column(sql`select avatars.rowid from ${from} where ${allOf([inProject(search), ...filters, after])} order by ${orderBy} limit ${limit + 1}`)
    : db.column(sql`select avatars.rowid from avatars
        where ${allOf([inProject(search), ...attributeFilters(search, true), after])} order by ${orderBy} limit ${limit + 1}`);
  return { total, rowids: rowids as number[] };
};

/**
 * Words: the full-text index counts the matches (within the project, which is one of its tokens).
 * Few matches are looked up and sorted (CROSS JOIN keeps avatars_fts outermost); many are collected
 * once while the sort's index is walked until the page is full (`+rowid` stops SQLite from turning
 * the IN list back into look-ups). Filters that drop most matches keep the look-up plan: walking
 * the index would pass over many rows for each one kept.
 */
const textPage = (db: SearchStatements, search: Search, words: string, spec: AvatarSortSpec, after: SQL | undefined, limit: number): PageIds => {
  const match = matchExpression(words, search.projectId);
  const filters = attributeFilters(search);
  const joined = sql`avatars_fts cross join avatars on avatars.rowid = avatars_fts.rowid`;
  const matches = db.scalar(sql`select count(*) from avatars_fts where avatars_fts match ${match}`);
  const total = filters.length === 0 ? matches : db.scalar(sql`select count(*) from ${joined} where avatars_fts match ${match} and ${allOf(filters)}`);
  if (total === 0) return { total, rowids: [] };
  const orderBy = sql.join(spec.orderBy, sql`, `);
  const lookUp = matches <= FTS_DRIVEN_MAX || total * 4 < matches;
  const rowids = lookUp
    ? db.column(sql`select avatars.rowid from ${joined}
        where avatars_fts match ${match} and ${allOf([...filters, after])} order by ${orderBy} limit ${limit + 1}`)
    : db.column(sql`select avatars.rowid from avatars
        where ${allOf([inProject(search), ...attributeFilters(search, true), after])}
          and +avatars.rowid in (select rowid from avatars_fts where avatars_fts match ${match})
        order by ${orderBy} limit ${limit + 1}`);
  return { total, rowids: rowids as number[] };
};
