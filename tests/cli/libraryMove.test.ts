import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeImage } from '../helpers/images';
import { tempDir } from '../helpers/library';

/** A home of its own: the default library, the settings and the log all live under it. */
const isolatedHome = () => {
  const home = tempDir('home');
  const env = { XDG_CONFIG_HOME: home, AVATAR_CREATOR_CONFIG_DIR: path.join(home, 'config'), AVATAR_CREATOR_LOG_DIR: path.join(home, 'logs') };
  return { home, env, cli: (...args: string[]) => runCli(['--json', ...args], env) };
};

describe('avatar-creator library move', () => {
  let home: string;
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('moves the default library to an empty folder, proves it, and every shell follows it there', async () => {
    const setup = isolatedHome();
    home = setup.home;
    const { cli } = setup;
    const original = (await cli('library', 'where')).json().dir as string;
    expect(original).toBe(path.join(home, 'Avatar Creator', 'library'));
    const projectId = (await cli('project', 'create', 'Moving')).json().id;
    const file = path.join(home, 'a.png');
    writeFileSync(file, await makeImage('png', 64, 64));
    expect((await cli('avatar', 'upload', projectId, file, file)).code).toBe(0);

    const target = path.join(home, 'elsewhere', 'library');
    const moved = await cli('library', 'move', target);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.json()).toMatchObject({ from: original, to: target, avatars: 2, files: 4, followed: true });
    expect((await cli('library', 'where')).json().dir).toBe(target);
    const avatars = (await cli('avatar', 'list', '--project', projectId)).json() as { id: string }[];
    expect(avatars).toHaveLength(2);
    expect(readdirSync(path.join(target, 'images'))).toHaveLength(2);
    expect(existsSync(path.join(original, 'library.db'))).toBe(false);
  });

  it('refuses a folder that is not empty or lies inside the library, and changes nothing', async () => {
    const setup = isolatedHome();
    home = setup.home;
    const { cli } = setup;
    const original = (await cli('library', 'where')).json().dir as string;
    await cli('project', 'create', 'Staying');
    const busy = path.join(home, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    expect((await cli('library', 'move', busy)).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('not empty') } });
    expect((await cli('library', 'move', path.join(original, 'inner'))).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    expect((await cli('library', 'where')).json().dir).toBe(original);
    expect((await cli('project', 'list')).json()).toHaveLength(1);
  });
});
