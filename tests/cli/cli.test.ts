import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeImage } from '../helpers/images';
import { tempDir } from '../helpers/library';

describe('avatar-creator CLI', () => {
  let dir: string;
  let files: string;
  const cli = (...args: string[]) => runCli(['--library', dir, '--json', ...args]);

  beforeAll(async () => {
    dir = tempDir('cli');
    files = tempDir('cli-files');
    writeFileSync(path.join(files, 'ana.png'), await makeImage('png', 512, 512));
    writeFileSync(path.join(files, 'bo.jpg'), await makeImage('jpeg', 640, 480));
    writeFileSync(path.join(files, 'fake.png'), '<html>not an image</html>');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('runs the project and avatar lifecycle with one JSON document per call', async () => {
    const created = await cli('project', 'create', 'Studio cast', '--description', 'Batch one');
    expect(created.code).toBe(0);
    const project = created.json();
    expect(project).toMatchObject({ name: 'Studio cast', description: 'Batch one', avatarCount: 0 });

    const upload = await cli(
      'avatar', 'upload', project.id, path.join(files, 'ana.png'), path.join(files, 'bo.jpg'),
      '--gender', 'female', '--age-range', 'adult', '--persona-age', '29', '--personality', 'calm, bold',
    );
    expect(upload.code, upload.stdout + upload.stderr).toBe(0);
    const { avatars } = upload.json();
    expect(avatars).toHaveLength(2);
    expect(avatars[0]).toMatchObject({ name: 'ana', attributes: { gender: 'female', ageRange: 'adult' }, persona: { age: 29, personality: ['calm', 'bold'] } });

    const listed = (await cli('avatar', 'list', '--project', project.id)).json();
    expect(listed.map((a: { name: string }) => a.name)).toEqual(['bo', 'ana']);

    const updated = (await cli('avatar', 'update', avatars[0].id, '--persona-name', 'Ana', '--style', 'noir')).json();
    expect(updated).toMatchObject({ persona: { name: 'Ana', age: 29 }, attributes: { style: 'noir', gender: 'female' } });

    const renamed = (await cli('project', 'rename', project.id, 'Renamed cast')).json();
    expect(renamed).toMatchObject({ name: 'Renamed cast', avatarCount: 2 });
    const shown = (await cli('project', 'show', project.id)).json();
    expect(shown.avatars).toHaveLength(2);

    expect((await cli('avatar', 'delete', avatars[1].id)).json()).toEqual({ id: avatars[1].id, projectId: project.id });
    expect((await cli('project', 'delete', project.id)).code).toBe(0);
    expect((await cli('project', 'list')).json()).toEqual([]);
  });

  it('reports failures as {"error":{code,message}} with a non-zero exit, and keeps the good files', async () => {
    const project = (await cli('project', 'create', 'Mixed')).json();
    const mixed = await cli('avatar', 'upload', project.id, path.join(files, 'ana.png'), path.join(files, 'fake.png'), path.join(files, 'missing.png'));
    expect(mixed.code).toBe(1);
    const { error } = mixed.json();
    expect(error.code).toBe('IMAGE_UNSUPPORTED_FORMAT');
    expect(error.files.map((f: { file: string; code: string }) => [path.basename(f.file), f.code])).toEqual([
      ['fake.png', 'IMAGE_UNSUPPORTED_FORMAT'],
      ['missing.png', 'NOT_FOUND'],
    ]);
    expect(error.avatars).toHaveLength(1);
    expect((await cli('avatar', 'list', '--project', project.id)).json()).toHaveLength(1);

    const cases: [string[], string][] = [
      [['project', 'create', 'x'.repeat(10_000)], 'VALIDATION_FAILED'],
      [['project', 'show', '../../etc/passwd'], 'VALIDATION_FAILED'],
      [['project', 'show', 'prj_000000000000000000000000'], 'NOT_FOUND'],
      [['avatar', 'update', 'ava_000000000000000000000000', '--gender', 'robot'], 'VALIDATION_FAILED'],
      [['avatar', 'update', 'ava_000000000000000000000000', '--persona-age', 'ten'], 'VALIDATION_FAILED'],
    ];
    for (const [args, code] of cases) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.json().error.code).toBe(code);
    }
  });

  it('answers usage errors with exit 2, as JSON in --json mode', async () => {
    const unknown = await cli('project', 'explode');
    expect(unknown.code).toBe(2);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    const human = await runCli(['--library', dir, 'avatar', 'upload']);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain("missing required argument");
  });

  it('prints readable tables without --json', async () => {
    await cli('project', 'create', 'Readable');
    const run = await runCli(['--library', dir, 'project', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ID\s+NAME\s+AVATARS\s+CREATED/);
    expect(run.stdout).toContain('Readable');
  });
});
