import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryMover, type LibraryMoveDeps } from '../../src/main/libraryMove';
import { makeImage } from '../helpers/images';
import { openTestLibrary, tempDir, type TestLibrary } from '../helpers/library';

/** The desktop's move with the real copy and a real library; the window's dialog and the restart recorded. */
describe('moving the library from the desktop app', () => {
  let lib: TestLibrary | null;
  let elsewhere: string;
  const steps: string[] = [];
  afterEach(async () => {
    await lib?.dispose();
    rmSync(elsewhere, { recursive: true, force: true });
    steps.length = 0;
  });

  const setup = async (picked: string | null = null) => {
    lib = await openTestLibrary();
    const projectId = (await lib.must('projects.create', { name: 'Moving' })).id;
    for (const name of ['a.png', 'b.png']) await lib.must('avatars.upload', { projectId, fileName: name, bytes: await makeImage('png', 64, 64) });
    elsewhere = tempDir('moved');
    const from = lib.dir;
    const deps: LibraryMoveDeps = {
      currentDir: () => from,
      nativeBinding: undefined,
      chooseFolder: async () => picked,
      closeLibrary: async () => {
        steps.push('close');
        await lib!.library.close();
      },
      reopenLibrary: async () => {
        steps.push('reopen');
        lib = await openTestLibrary({ dir: from });
      },
      rememberLocation: (dir) => steps.push(`remember ${dir}`),
      restart: () => steps.push('restart'),
    };
    return { from, move: createLibraryMover(deps) };
  };

  it('closes, copies and proves, remembers the new folder, removes the old copy and restarts', async () => {
    const { from, move } = await setup();
    const target = path.join(elsewhere, 'library');
    expect(await move(target)).toEqual({ from, to: target, avatars: 2, files: 4, restarting: true });
    expect(steps).toEqual(['close', `remember ${target}`, 'restart']);
    expect(existsSync(path.join(from, 'library.db'))).toBe(false);
    lib = await openTestLibrary({ dir: target });
    expect(await lib.must('avatars.list', {})).toHaveLength(2);
    expect(readdirSync(path.join(target, 'thumbs'))).toHaveLength(2);
  });

  it('takes the folder the user picks, and does nothing when they cancel', async () => {
    const cancelled = await setup(null);
    await expect(cancelled.move(undefined)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(steps).toEqual([]);
  });

  it('reopens the library where it was when the copy cannot be made, and does not restart', async () => {
    const { from, move } = await setup();
    writeFileSync(path.join(elsewhere, 'keep.txt'), 'not ours');
    await expect(move(elsewhere)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(steps).toEqual(['close', 'reopen']);
    expect(await lib!.must('avatars.list', {})).toHaveLength(2);
    expect(readdirSync(elsewhere)).toEqual(['keep.txt']);
    expect(existsSync(path.join(from, 'library.db'))).toBe(true);
  });
});
