import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AvatarSearch, FTS_DRIVEN_MAX } from '../../src/main/core/avatars/avatarSearch';
import { openDatabase, type OpenedDatabase } from '../../src/main/core/db/open';
import { DB_FILE_NAME } from '../../src/main/core';
import type { LibraryContext } from '../../src/main/core/library/context';
import { AVATAR_SORTS } from '../../src/shared/vocabulary';
import { MIGRATIONS, openTestLibrary, type TestLibrary } from '../helpers/library';
import { seedAvatars, variedSpecs, type SeededAvatar } from '../helpers/seedVaried';
import { expectedIds, type SearchInput } from './oracle';

/**
 * Enough avatars (2,600) that both ways of finding a page run: looking the matches up and sorting
 * them, and walking the sort's index. Each must give the oracle's answer, and every statement the
 * search prepares must read avatars through an index (EXPLAIN QUERY PLAN).
 */
describe('avatars.search plans', () => {
  let lib: TestLibrary;
  let opened: OpenedDatabase;
  let search: AvatarSearch;
  let projects: string[];
  let seeded: SeededAvatar[];
  const prepared: string[] = [];

  beforeAll(async () => {
    lib = await openTestLibrary({ sweepOnOpen: false });
    projects = [];
    for (const name of ['One', 'Two', 'Three']) projects.push((await lib.must('projects.create', { name })).id);
    seeded = seedAvatars(lib.dir, variedSpecs(projects, 2_600));
    // A second connection whose statements we can see: the search prepares everything through it.
    opened = openDatabase({ file: path.join(lib.dir, DB_FILE_NAME), migrationsFolder: MIGRATIONS });
    const prepare = opened.sqlite.prepare.bind(opened.sqlite);
    opened.sqlite.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as Database.Database['prepare'];
    search = new AvatarSearch({ db: opened.db } as LibraryContext);
  });
  afterAll(async () => {
    opened.sqlite.close();
    await lib.dispose();
  });

  const all = (input: SearchInput, using = search): string[] => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = using.search({ ...input, limit: 300, ...(cursor !== undefined && { cursor }) } as Parameters<AvatarSearch['search']>[0]);
      ids.push(...page.items.map((avatar) => avatar.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return ids;
  };

  /** The statements one search prepares, on a fresh instance so none comes from the statement cache. */
  const statementsOf = (input: SearchInput): string[] => {
    const before = prepared.length;
    all(input, new AvatarSearch({ db: opened.db } as LibraryContext));
    return prepared.slice(before);
  };

  it('gives the same answers whichever way a page is found', () => {
    const generated = ['text_to_image', 'from_preset', 'from_reference'] as const;
    const c = (input: SearchInput, plan: RegExp) => ({ input, plan });
    const cases = [
      // "photo" is in every generated prompt: more matches than FTS_DRIVEN_MAX, so the index is walked.
      ...AVATAR_SORTS.map((sort) => c({ query: 'photo', sort }, /\+avatars\.rowid in/)),
      ...AVATAR_SORTS.map((sort) => c({ query: 'photo baker', sort }, /cross join/)),
      ...AVATAR_SORTS.map((sort) => c({ query: 'photo', projectId: projects[1], sort }, /cross join/)),
      c({ query: 'photo', gender: ['male', 'female', 'unisex'], sort: 'name' }, /\+avatars\.rowid in/),
      // Filters that drop most matches keep the look-up.
      c({ query: 'photo', gender: ['male'], ageRange: ['mature'], sort: 'most_used' }, /cross join/),
      // No words: many filter matches walk the sort's index, few are looked up through the filter index.
      ...AVATAR_SORTS.map((sort) => c({ sourceType: [...generated], sort }, /\+avatars\."source_type" in/)),
      ...AVATAR_SORTS.map((sort) => c({ gender: ['female'], ageRange: ['adult'], sort }, /indexed by avatars_filter_idx/)),
      ...AVATAR_SORTS.map((sort) => c({ projectId: projects[2], style: ['casual'], sort }, /"style" collate nocase in/)),
    ];
    expect(seeded.filter((avatar) => avatar.prompt !== null).length).toBeGreaterThan(FTS_DRIVEN_MAX);
    for (const { input, plan } of cases) {
      const expected = expectedIds(seeded, input);
      expect(expected.length, JSON.stringify(input)).toBeGreaterThan(0);
      const statements = statementsOf(input);
      expect(all(input), JSON.stringify(input)).toEqual(expected);
      const pages = statements.filter((source) => /order by/.test(source));
      expect(pages.length, JSON.stringify(input)).toBeGreaterThan(0);
      for (const source of pages) expect(source, JSON.stringify(input)).toMatch(plan);
    }
  });

  it('reads avatars only through indexes, and walks pages in index order without sorting', () => {
    const inputs: SearchInput[] = [
      ...AVATAR_SORTS.flatMap((sort) => [{ sort }, { sort, projectId: projects[0] }, { sort, gender: ['male' as const] }, { sort, query: 'pilot' }]),
      { query: 'photo', projectId: projects[0], gender: ['female'] },
    ];
    for (const input of inputs) all(input);
    const plans = new Map<string, string[]>();
    for (const source of new Set(prepared)) {
      if (!/\bavatars\b/.test(source) || /^\s*(insert|update|delete|create|pragma)/i.test(source)) continue;
      const parameters = (source.match(/\?/g) ?? []).length;
      const rows = opened.sqlite.prepare(`explain query plan ${source}`).all(...Array<null>(parameters).fill(null)) as { detail: string }[];
      plans.set(source.replace(/\s+/g, ' '), rows.map((row) => row.detail));
    }
    expect(plans.size).toBeGreaterThan(10);
    for (const [source, plan] of plans) {
      const text = `${source}\n  → ${plan.join('\n  → ')}`;
      // Never a full read of the table: a search, an index scan or a rowid look-up.
      expect(plan.some((line) => /^SCAN avatars$/.test(line)), text).toBe(false);
      // A page walked from an index is never sorted afterwards.
      const walked = !source.includes('avatars_fts') && !source.includes('indexed by') && /order by/.test(source);
      if (walked) expect(plan.some((line) => line.includes('TEMP B-TREE')), text).toBe(false);
    }
    const planOf = (pattern: RegExp) => [...plans].filter(([source]) => pattern.test(source)).flatMap(([, plan]) => plan).join(' | ');
    expect(planOf(/"project_id" = \? order by "avatars"\."created_at" desc/)).toContain('avatars_project_created_idx');
    expect(planOf(/"project_id" = \? order by "avatars"\."usage_count" desc/)).toContain('avatars_project_used_idx');
    expect(planOf(/"project_id" = \? order by coalesce/)).toContain('avatars_project_last_used_idx');
    expect(planOf(/"project_id" = \? order by "avatars"\."name" collate nocase/)).toContain('avatars_project_name_idx');
    expect(planOf(/from avatars where 1 order by "avatars"\."created_at"/)).toContain('avatars_created_idx');
    expect(planOf(/from avatars where 1 order by "avatars"\."usage_count"/)).toContain('avatars_used_idx');
    expect(planOf(/from avatars where 1 order by coalesce/)).toContain('avatars_last_used_idx');
    expect(planOf(/from avatars where 1 order by "avatars"\."name"/)).toContain('avatars_name_idx');
    expect(planOf(/count\(\*\) from avatars indexed by avatars_filter_idx/)).toContain('COVERING INDEX avatars_filter_idx');
    // A cursor is a range on the index, not a filter over the rows before it.
    expect(planOf(/"project_id" = \? and \("avatars"\."created_at", "avatars"\."id"\) </)).toMatch(/\(project_id=\? AND \(created_at,id\)<\(\?,\?\)\)/);
    expect(planOf(/"project_id" = \? and "avatars"\."name" collate nocase >=/)).toMatch(/project_id=\? AND name>\?/);
    expect(planOf(/"project_id" = \? and coalesce\("avatars"\."last_used_at", -1\) <=/)).toMatch(/project_id=\? AND <expr><\?/);
  });
});
