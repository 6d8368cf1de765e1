import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeImage } from '../helpers/images';
import { openTestLibrary } from '../helpers/library';

const runUntilKilled = (args: string[], killAfterLines: number): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../helpers/uploadLoop.ts', import.meta.url)), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ids: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      ids.push(...chunk.toString().split('\n').filter(Boolean));
      // Kill at a moment unrelated to a commit boundary: partway into the next upload's work.
      if (ids.length >= killAfterLines) setTimeout(() => child.kill('SIGKILL'), 7);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(ids) : reject(new Error(`child exited ${code}: ${stderr}`))));
  });

describe('crash safety', () => {
  it('kill -9 mid-upload loop leaves no row without a file, and the next start removes files without a row', async () => {
    const lib = await openTestLibrary();
    const project = await lib.must('projects.create', { name: 'Crash' });
    const imagePath = path.join(lib.dir, 'source.jpg');
    writeFileSync(imagePath, await makeImage('jpeg', 1600, 1200));
    lib.library.close();

    for (const killAfter of [3, 8]) {
      const committed = await runUntilKilled([lib.dir, project.id, imagePath], killAfter);
      expect(committed.length).toBeGreaterThanOrEqual(killAfter);

      const reopened = await openTestLibrary({ dir: lib.dir, orphanGraceMs: 0 });
      // Every acknowledged upload survived the kill.
      const rows = await reopened.must('avatars.list', { projectId: project.id });
      expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining(committed));
      // No row was lost to the sweep: the file always lands before its row.
      expect(reopened.library.startupSweep.removedRows).toBe(0);
      // What remains on disk is exactly two files per row.
      const files = await reopened.library.images.listFiles();
      const expected = rows.flatMap((row) => [reopened.library.images.pathFor(row.id, 'full', 'jpeg'), reopened.library.images.pathFor(row.id, 'thumb', 'jpeg')]);
      expect(files.map((file) => file.file).sort()).toEqual(expected.sort());
      reopened.library.close();
    }
    (await openTestLibrary({ dir: lib.dir })).dispose();
  });
});
