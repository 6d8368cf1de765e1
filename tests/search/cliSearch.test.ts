import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { openTestLibrary, tempDir } from '../helpers/library';
import { seedAvatars, variedSpecs, type SeededAvatar } from '../helpers/seedVaried';
import { expectedIds, type SearchInput } from './oracle';

// Each case is a process (a second or more on a busy machine), hence the longer timeouts.
// Runs the built CLI (`npm run build` first; the bin builds on first use when out/ is missing).
describe('avatar list --search / --filter from the CLI', () => {
  let dir: string;
  let projects: string[];
  let seeded: SeededAvatar[];
  const cli = (...args: string[]) => runCli(['--library', dir, ...args]);
  const json = (...args: string[]) => cli('--json', ...args);

  beforeAll(async () => {
    dir = tempDir('cli-search');
    const lib = await openTestLibrary({ dir, sweepOnOpen: false });
    projects = [];
    for (const name of ['Left', 'Right']) projects.push((await lib.must('projects.create', { name })).id);
    await lib.library.close();
    seeded = [
      ...seedAvatars(dir, [{ projectId: projects[0]!, name: 'Zoë Quill', gender: 'female', background: 'Lighthouse keeper' }]),
      ...seedAvatars(dir, variedSpecs(projects, 120)),
    ];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one AvatarPage as JSON, and pages with --cursor', async () => {
    const found = await json('avatar', 'list', '--search', 'zoe lighth', '--filter', 'gender=female');
    expect(found.code, found.stderr).toBe(0);
    expect(found.json()).toMatchObject({ total: 1, nextCursor: null, items: [{ name: 'Zoë Quill', attributes: { gender: 'female' } }] });

    const flags = ['--filter', 'gender=male,female', '--filter', 'style=casual,ageRange=adult,young', '--sort', 'name', '--limit', '4'];
    const input: SearchInput = { gender: ['male', 'female'], style: ['casual'], ageRange: ['adult', 'young'], sort: 'name' };
    const expected = expectedIds(seeded, input);
    expect(expected.length).toBeGreaterThan(4);
    const first = (await json('avatar', 'list', ...flags)).json();
    expect(first.total).toBe(expected.length);
    expect(first.items.map((a: { id: string }) => a.id)).toEqual(expected.slice(0, 4));
    const second = (await json('avatar', 'list', ...flags, '--cursor', first.nextCursor)).json();
    expect(second.items.map((a: { id: string }) => a.id)).toEqual(expected.slice(4, 8));

    // --project and --filter project= are the same thing.
    const inProject = (await json('avatar', 'list', '--project', projects[1]!, '--search', 'baker', '--sort', 'most_used')).json();
    const viaFilter = (await json('avatar', 'list', '--filter', `project=${projects[1]}`, '--search', 'baker', '--sort', 'most_used')).json();
    expect(viaFilter).toEqual(inProject);
    expect(inProject.items.map((a: { id: string }) => a.id)).toEqual(expectedIds(seeded, { projectId: projects[1], query: 'baker', sort: 'most_used' }));
  }, 60_000);

  it('prints the table, "N of TOTAL" and the next cursor for people', async () => {
    const run = await cli('avatar', 'list', '--filter', 'source=uploaded', '--limit', '3');
    expect(run.code, run.stderr).toBe(0);
    const total = expectedIds(seeded, { sourceType: ['uploaded'] }).length;
    expect(run.stdout).toMatch(/^ID\s+NAME\s+PROJECT/m);
    expect(run.stdout).toContain(`3 of ${total}`);
    expect(run.stdout).toMatch(/next page: --cursor [A-Za-z0-9_-]+/);
  });

  it('refuses unknown keys, bad values, bad limits, clashing projects and tampered cursors with VALIDATION_FAILED', async () => {
    const cases: [string[], RegExp][] = [
      [['--filter', 'colour=red'], /unknown key "colour"/],
      [['--filter', 'red'], /needs a key/],
      [['--filter', 'gender='], /needs a value/],
      [['--filter', 'gender=robot'], /gender/],
      [['--sort', 'random'], /sort/],
      [['--limit', 'ten'], /--limit/],
      [['--limit', '501'], /limit/],
      [['--project', projects[0]!, '--filter', `project=${projects[1]}`], /one project/],
      [['--search', 'a', '--cursor', 'eyJub3QiOiJhIGN1cnNvciJ9'], /cursor/],
    ];
    for (const [args, message] of cases) {
      const run = await json('avatar', 'list', ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.json().error, args.join(' ')).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
    }
  }, 120_000);

  it('keeps plain `avatar list [--project]` as it was: every avatar, as an array', async () => {
    const run = await json('avatar', 'list', '--project', projects[0]!);
    expect(run.code).toBe(0);
    expect(run.json().map((a: { id: string }) => a.id)).toEqual(expectedIds(seeded, { projectId: projects[0] }));
  });
});
