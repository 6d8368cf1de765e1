import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core';
import { AVATAR_SORTS } from '../../src/shared/vocabulary';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { seedAvatars, variedSpecs, type SeededAvatar } from '../helpers/seedVaried';
import { expectedIds, walk, type SearchInput } from './oracle';

const ids = (avatars: { id: string }[]): string[] => avatars.map((avatar) => avatar.id);

describe('avatars.search over a few hundred varied avatars', () => {
  let lib: TestLibrary;
  let projects: string[];
  let seeded: SeededAvatar[];
  const special: Record<string, SeededAvatar> = {};

  const search = (input: SearchInput) => lib.must('avatars.search', { limit: 500, ...input });
  /** Every page of the search, compared with the oracle: same avatars, same order, total right on every page. */
  const expectSearch = async (input: SearchInput, limit = 500) => {
    const expected = expectedIds(seeded, input);
    const result = await walk(lib, input, limit);
    expect(result.ids, JSON.stringify(input)).toEqual(expected);
    expect([...result.totals], JSON.stringify(input)).toEqual([expected.length]);
    return expected;
  };

  beforeAll(async () => {
    lib = await openTestLibrary({ sweepOnOpen: false });
    projects = [];
    for (const name of ['North', 'South', 'East']) projects.push((await lib.must('projects.create', { name })).id);
    const [p0, p1, p2] = projects as [string, string, string];
    const specials = seedAvatars(lib.dir, [
      {
        projectId: p0,
        name: 'Zoë Marchetti',
        personaName: 'Captain Lark',
        background: 'Raised in a lighthouse on Skye',
        personality: ['unflappable', 'meticulous'],
        prompt: 'cinematic portrait under sodium lamps',
        sourceType: 'text_to_image',
        provider: 'huggingface',
        model: 'black-forest-labs/FLUX.1-dev',
        hairColor: 'strawberry',
        style: 'Noir',
        gender: 'female',
      },
      { projectId: p1, name: 'Zoe Alder', gender: 'female' },
      { projectId: p2, name: 'Renée O’Connor-Smith', background: 'Either or neither, she said' },
      { projectId: p0, name: 'Jean-Luc Quixote', prompt: 'NEAR the OR gate: a "quoted" prompt (with parens) and col:umn *stars* - dash' },
    ]);
    [special.zoe, special.zoeAlder, special.renee, special.jeanLuc] = specials as [SeededAvatar, SeededAvatar, SeededAvatar, SeededAvatar];
    seeded = [...specials, ...seedAvatars(lib.dir, variedSpecs(projects, 300))];
  });
  afterAll(() => lib.dispose());

  it('lists everything, newest first, 100 to a page by default', async () => {
    const page = await lib.must('avatars.search', {});
    expect(page.total).toBe(seeded.length);
    expect(page.items).toHaveLength(100);
    expect(ids(page.items)).toEqual(expectedIds(seeded, {}).slice(0, 100));
    expect(page.nextCursor).toEqual(expect.any(String));
    // The rows come back as whole avatars, the same shape avatars.get returns.
    expect(page.items[0]).toEqual(await lib.must('avatars.get', { id: page.items[0]!.id }));
  });

  it('filters by each key and value alone', async () => {
    const cases: SearchInput[] = [
      ...projects.map((projectId) => ({ projectId })),
      ...(['male', 'female', 'unisex'] as const).map((gender) => ({ gender: [gender] })),
      ...(['young', 'adult', 'mature'] as const).map((ageRange) => ({ ageRange: [ageRange] })),
      ...['casual', 'CASUAL', 'Professional', 'vintage', 'cyberpunk', 'noir', 'none-such'].map((style) => ({ style: [style] })),
      ...(['uploaded', 'text_to_image', 'from_preset', 'from_reference'] as const).map((sourceType) => ({ sourceType: [sourceType] })),
      ...['huggingface', 'offline'].map((provider) => ({ provider: [provider] })),
      ...['black-forest-labs/FLUX.1-dev', 'black-forest-labs/FLUX.1-schnell', 'dicebear/personas'].map((model) => ({ model: [model] })),
    ];
    for (const input of cases) {
      const expected = await expectSearch(input);
      if (!input.style?.includes('none-such')) expect(expected.length, JSON.stringify(input)).toBeGreaterThan(0);
    }
    // The style filter ignores case: "Casual" and "casual" rows both match either spelling.
    const casual = await search({ style: ['CASUAL'] });
    expect(new Set(casual.items.map((avatar) => avatar.attributes.style))).toEqual(new Set(['Casual', 'casual']));
  });

  it('combines filters: AND across keys, OR within a key', async () => {
    const [p0, p1] = projects as [string, string];
    const cases: SearchInput[] = [
      { gender: ['male', 'female'] },
      { gender: ['female'], ageRange: ['adult'] },
      { gender: ['male', 'unisex'], ageRange: ['young', 'mature'], style: ['casual', 'professional'] },
      { projectId: p0, gender: ['female'] },
      { projectId: p1, sourceType: ['text_to_image', 'from_preset'], provider: ['huggingface'] },
      { sourceType: ['from_reference'], model: ['dicebear/personas', 'black-forest-labs/FLUX.1-dev'], ageRange: ['adult'] },
      { projectId: p0, gender: ['male'], ageRange: ['young'], style: ['vintage'], sourceType: ['uploaded'] },
      { provider: ['offline'], sourceType: ['uploaded'] },
      { query: 'baker', gender: ['female', 'male'] },
      { query: 'pilot porto', projectId: p1, sort: 'name' },
      { query: 'calm', style: ['casual'], sort: 'most_used' },
    ];
    for (const input of cases) await expectSearch(input);
    // AND across keys really narrows: each combination is a subset of either of its parts.
    const both = await search({ gender: ['female'], ageRange: ['adult'] });
    const female = await search({ gender: ['female'] });
    expect(both.total).toBeLessThan(female.total);
    expect(both.items.every((avatar) => avatar.attributes.gender === 'female' && avatar.attributes.ageRange === 'adult')).toBe(true);
  });

  it('orders each sort exactly, ties broken by the id, within a project and across the library', async () => {
    for (const sort of AVATAR_SORTS) {
      await expectSearch({ sort });
      for (const projectId of projects) await expectSearch({ sort, projectId });
      await expectSearch({ sort, gender: ['female', 'unisex'] });
    }
    // Never-used avatars come last when sorting by recent use; the most used come first.
    const recent = (await search({ sort: 'recently_used' })).items;
    const firstNever = recent.findIndex((avatar) => avatar.lastUsedAt === null);
    expect(firstNever).toBeGreaterThan(0);
    expect(recent.slice(firstNever).every((avatar) => avatar.lastUsedAt === null)).toBe(true);
    const used = (await search({ sort: 'most_used' })).items.map((avatar) => avatar.usageCount);
    expect(used).toEqual([...used].sort((a, b) => b - a));
    // By name, case does not matter: "bruno novak" sorts between "Ana …" and "Chloé …".
    const names = (await search({ sort: 'name' })).items.map((avatar) => avatar.name);
    expect(names.indexOf('Ana Okafor')).toBeLessThan(names.indexOf('bruno novak'));
    expect(names.indexOf('bruno novak')).toBeLessThan(names.indexOf('Chloé Ruiz'));
  });

  it('finds words in the name, persona name, background, personality, prompt and attributes', async () => {
    const { zoe } = special as Record<string, SeededAvatar>;
    for (const query of ['marchetti', 'Captain Lark', 'lighthouse skye', 'meticulous', 'unflappable', 'sodium lamps', 'cinematic', 'strawberry', 'noir']) {
      expect(ids((await search({ query })).items), query).toEqual([zoe!.id]);
    }
    for (const query of ['baker', 'porto', 'witty', 'photo osaka', 'teal', 'Élodie', 'weiß']) {
      const expected = await expectSearch({ query });
      expect(expected.length, query).toBeGreaterThan(0);
    }
  });

  it('matches words as prefixes, without regard to case or accents', async () => {
    const { zoe, zoeAlder, renee, jeanLuc } = special as Record<string, SeededAvatar>;
    const both = [zoe!.id, zoeAlder!.id].sort();
    for (const query of ['zoe', 'Zoë', 'ZOË', 'zoë', 'zo', 'Zoe\u0308']) {
      expect(ids((await search({ query })).items).sort(), query).toEqual(both);
    }
    expect(ids((await search({ query: 'marche' })).items)).toEqual([zoe!.id]);
    expect(ids((await search({ query: 'lighth sky' })).items)).toEqual([zoe!.id]);
    expect(ids((await search({ query: 'renee' })).items)).toEqual([renee!.id]);
    expect(ids((await search({ query: 'RENÉE connor' })).items)).toEqual([renee!.id]);
    expect(ids((await search({ query: 'jean-luc' })).items)).toEqual([jeanLuc!.id]);
    // Every word must match: one that matches nothing empties the result.
    expect((await search({ query: 'zoe xyzzy' })).total).toBe(0);
    for (const query of ['e', 'el', 'elo', 'elod', 'b', 'ph']) await expectSearch({ query });
  });

  it('treats FTS5 and SQL syntax in the search as plain text, never as an error', async () => {
    const body = projects[0]!.slice(4);
    const nasty = [
      '"', '""', '"""', '*', '**', '"zoe', 'zoe"', 'zoe*', '*zoe', 'z*e', 'NEAR(zoe', 'NEAR(zoe marchetti, 2)', 'NEAR', 'zoe OR alder',
      'zoe AND', 'AND', 'OR', 'NOT', 'NOT zoe', '-zoe', 'zoe -marchetti', 'zoe NOT marchetti', 'name:zoe', '{name}: zoe', '{name persona_name}:zoe',
      'zoe:', ':', '(zoe', 'zoe)', '((', ')', '()', '^zoe', '^', "'; drop table avatars; --", "zoe' OR '1'='1", '"; DELETE FROM avatars_fts; --',
      'zoe\\', '\\', '\u0000zoe', '+zoe', 'zoe + marchetti', '%', '_', '%zoe%', 'rowid', 'avatars_fts', 'MATCH', `project:${body}`,
      `project : "${body}"`, body, 'col:umn', '"quoted"', 'NEAR the OR gate', '\u0301', 'zoe\u0301', '𝔷𝔬𝔢', '🙂', 'ゾーイ', '   ', '\t\n',
    ];
    for (const query of nasty) {
      const result = await lib.call('avatars.search', { query, limit: 500 });
      expect(result.ok, `${JSON.stringify(query)} → ${JSON.stringify(result)}`).toBe(true);
      if (!result.ok) continue;
      expect(ids(result.value.items), JSON.stringify(query)).toEqual(expectedIds(seeded, { query }));
    }
    const { zoe, jeanLuc } = special as Record<string, SeededAvatar>;
    // Quotes, stars and operators are word breaks: these are the plain words.
    expect(ids((await search({ query: '"zoe" marchetti*' })).items)).toEqual([zoe!.id]);
    expect(ids((await search({ query: 'NEAR the OR gate' })).items)).toEqual([jeanLuc!.id]);
    expect(ids((await search({ query: 'col:umn "quoted" (with parens)' })).items)).toEqual([jeanLuc!.id]);
    // A project id is not text: its token is only for the project filter.
    expect((await search({ query: body })).total).toBe(0);
    // Nothing was dropped or deleted along the way, and the index still agrees with the table.
    expect((await search({})).total).toBe(seeded.length);
    const db = new Database(path.join(lib.dir, DB_FILE_NAME));
    expect(() => db.exec("insert into avatars_fts (avatars_fts, rank) values ('integrity-check', 1)")).not.toThrow();
    db.close();
  });

  it('walks every match exactly once, in a stable order, whatever the page size', async () => {
    const inputs: SearchInput[] = [
      ...AVATAR_SORTS.map((sort) => ({ sort })),
      ...AVATAR_SORTS.map((sort) => ({ sort, projectId: projects[1] })),
      ...AVATAR_SORTS.map((sort) => ({ sort, query: 'a' })),
      ...AVATAR_SORTS.map((sort) => ({ sort, query: 'photo', gender: ['female' as const, 'male' as const] })),
    ];
    for (const input of inputs) {
      const whole = await search(input);
      for (const limit of [1, 7, 50]) {
        if (limit === 1 && whole.total > 120) continue;
        const walked = await walk(lib, input, limit);
        expect(walked.ids, `${JSON.stringify(input)} by ${limit}`).toEqual(ids(whole.items));
        expect(new Set(walked.ids).size).toBe(walked.ids.length);
        expect(walked.pages).toBe(Math.max(1, Math.ceil(whole.total / limit)));
      }
    }
  });

  it('refuses a cursor that was changed or belongs to another search', async () => {
    const first = await lib.must('avatars.search', { sort: 'name', limit: 5 });
    const cursor = first.nextCursor!;
    const second = await lib.must('avatars.search', { sort: 'name', limit: 5, cursor });
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);

    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const reencode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    const key = decoded[1] as unknown[];
    const tampered = [
      cursor.slice(0, -2),
      `${cursor}x`,
      `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`,
      `${cursor}=`,
      'not a cursor',
      '',
      '%%%',
      reencode('hello'),
      reencode([]),
      reencode(['name', key]),
      reencode(['name', ['Zzz', key[1]], decoded[2]]),
      reencode(['name', [key[0], 'ava_000000000000000000000000'], decoded[2]]),
      reencode(['newest', [1, key[1]], decoded[2]]),
      reencode(['name', [{ $gt: 1 }, key[1]], decoded[2]]),
      reencode(['name', [key[0], "x' or 1=1 --"], decoded[2]]),
      reencode({ sort: 'name' }),
    ];
    for (const bad of tampered) {
      const result = await lib.call('avatars.search', { sort: 'name', limit: 5, cursor: bad });
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error.code, bad).toBe('VALIDATION_FAILED');
    }
    // A good cursor used with another sort, query, filter or project is refused too.
    for (const other of [{ sort: 'newest' as const }, { sort: 'name' as const, query: 'a' }, { sort: 'name' as const, gender: ['male' as const] }, { sort: 'name' as const, projectId: projects[0] }]) {
      const result = await lib.call('avatars.search', { ...other, limit: 5, cursor });
      expect(result.ok, JSON.stringify(other)).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/cursor/) });
    }
    // The page size may change between pages: it is not part of the search.
    expect((await lib.must('avatars.search', { sort: 'name', limit: 50, cursor })).items[0]!.id).toBe(second.items[0]!.id);
  });

  it('keeps the cursor of a long non-Latin name within the contract limit', async () => {
    const projectId = projects[2]!;
    const [long, after] = seedAvatars(lib.dir, [
      { projectId, name: '漢'.repeat(100) },
      { projectId, name: '龘 comes after' },
    ]) as [SeededAvatar, SeededAvatar];
    seeded.push(long, after);
    const all = await lib.must('avatars.search', { sort: 'name', projectId, limit: 500 });
    const index = all.items.findIndex((avatar) => avatar.id === long.id);
    const page = await lib.must('avatars.search', { sort: 'name', projectId, limit: index + 1 });
    expect(page.items.at(-1)!.id).toBe(long.id);
    expect(page.nextCursor!.length).toBeLessThanOrEqual(500);
    const next = await lib.must('avatars.search', { sort: 'name', projectId, limit: 1, cursor: page.nextCursor! });
    expect(next.items[0]!.id).toBe(after.id);
  });
});

describe('avatars.search after changes', () => {
  let lib: TestLibrary;
  beforeAll(async () => {
    lib = await openTestLibrary({ sweepOnOpen: false });
  });
  afterAll(() => lib.dispose());

  const found = async (query: string, projectId?: string) =>
    ids((await lib.must('avatars.search', { query, ...(projectId !== undefined && { projectId }) })).items);

  it('follows renames, persona and attribute edits, moves, deletes and project deletes (the triggers)', async () => {
    const a = (await lib.must('projects.create', { name: 'A' })).id;
    const b = (await lib.must('projects.create', { name: 'B' })).id;
    const [one, two] = seedAvatars(lib.dir, [
      { projectId: a, name: 'Odette Vasquez', background: 'Harbour pilot', personality: ['steady'], hairColor: 'silver' },
      { projectId: a, name: 'Ingmar Pold', prompt: 'watercolour of a glassblower' },
    ]) as [SeededAvatar, SeededAvatar];
    expect(await found('odette')).toEqual([one.id]);

    await lib.must('avatars.update', { id: one.id, name: 'Octavia Vasquez' });
    expect(await found('odette')).toEqual([]);
    expect(await found('octavia vasq')).toEqual([one.id]);
    expect(await found('harbour')).toEqual([one.id]);

    await lib.must('avatars.update', { id: one.id, persona: { background: 'Mountain guide', personality: ['restless'], name: 'Tavi' } });
    expect(await found('harbour')).toEqual([]);
    expect(await found('steady')).toEqual([]);
    expect(await found('mountain restless tavi')).toEqual([one.id]);

    await lib.must('avatars.update', { id: one.id, attributes: { hairColor: 'copper', style: 'Art deco' } });
    expect(await found('silver')).toEqual([]);
    expect(await found('copper deco')).toEqual([one.id]);

    // Usage is not text: recording it leaves the index alone, and the avatar still sorts by it.
    const db = new Database(path.join(lib.dir, DB_FILE_NAME));
    db.prepare('update avatars set usage_count = 5, last_used_at = 1 where id = ?').run(two.id);
    expect(ids((await lib.must('avatars.search', { sort: 'most_used' })).items)).toEqual([two.id, one.id]);
    expect(await found('glassblower')).toEqual([two.id]);

    await lib.must('avatars.move', { id: one.id, projectId: b });
    expect(await found('octavia', a)).toEqual([]);
    expect(await found('octavia', b)).toEqual([one.id]);
    expect((await lib.must('avatars.search', { projectId: b })).total).toBe(1);

    await lib.must('avatars.delete', { id: two.id });
    expect(await found('glassblower')).toEqual([]);
    expect(await found('ingmar')).toEqual([]);

    await lib.must('projects.delete', { id: b });
    expect(await found('octavia')).toEqual([]);
    expect((await lib.must('avatars.search', {})).total).toBe(0);

    expect(() => db.exec("insert into avatars_fts (avatars_fts, rank) values ('integrity-check', 1)")).not.toThrow();
    db.close();
  });

  it('is built from the migration: the FTS5 table over a view, its triggers, the sort and filter indexes', () => {
    const db = new Database(path.join(lib.dir, DB_FILE_NAME), { readonly: true });
    const objects = db.prepare("select type, name from sqlite_master where name like 'avatars%' order by name").all() as { type: string; name: string }[];
    const names = (type: string) => objects.filter((object) => object.type === type).map((object) => object.name);
    expect(names('view')).toEqual(['avatars_fts_source']);
    expect(names('table')).toEqual(expect.arrayContaining(['avatars_fts', 'avatars_fts_data', 'avatars_fts_idx', 'avatars_fts_config', 'avatars_fts_docsize']));
    expect(names('trigger').sort()).toEqual(['avatars_fts_after_insert', 'avatars_fts_after_update', 'avatars_fts_before_delete', 'avatars_fts_before_update']);
    expect(names('index')).toEqual(
      expect.arrayContaining([
        'avatars_project_used_idx', 'avatars_project_last_used_idx', 'avatars_project_name_idx',
        'avatars_created_idx', 'avatars_used_idx', 'avatars_last_used_idx', 'avatars_name_idx', 'avatars_filter_idx',
      ]),
    );
    const fts = db.prepare("select sql from sqlite_master where name = 'avatars_fts'").pluck().get() as string;
    expect(fts).toMatch(/tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'/);
    db.close();
  });

  it('still agrees with the table after VACUUM (rowids of avatars are kept)', async () => {
    const p = (await lib.must('projects.create', { name: 'Vac' })).id;
    const seededRows = seedAvatars(lib.dir, variedSpecs([p], 60));
    const db = new Database(path.join(lib.dir, DB_FILE_NAME));
    // Holes in the rowids, then a VACUUM that could renumber them.
    db.prepare("delete from avatars where rowid % 3 = 0 and project_id = ?").run(p);
    db.exec('vacuum');
    expect(() => db.exec("insert into avatars_fts (avatars_fts, rank) values ('integrity-check', 1)")).not.toThrow();
    const left = new Set(db.prepare('select id from avatars where project_id = ?').pluck().all(p) as string[]);
    db.close();
    const remaining = seededRows.filter((avatar) => left.has(avatar.id));
    const page = await lib.must('avatars.search', { query: 'baker', projectId: p, limit: 500 });
    expect(ids(page.items)).toEqual(expectedIds(remaining, { query: 'baker', projectId: p }));
  });
});
