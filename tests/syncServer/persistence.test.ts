import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSyncServer } from '../../src/syncServer';
import { ALICE, PREFIX, call, createProject, image, login, upload, uploadForm } from './helpers';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sync server: data file', () => {
  it('keeps users, balances, projects and images across restarts; a fixed secret keeps tokens valid', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sync-server-'));
    dirs.push(dir);
    const options = { users: [ALICE], dataFile: path.join(dir, 'lumiku.db'), jwtSecret: 'fixed secret', rateLimits: false as const };
    const first = await startSyncServer(options);
    const token = await login(first);
    const project = await createProject(first, token, 'Kept');
    const png = await image('png');
    const { avatar } = (await upload(first, token, project.id, uploadForm(png, 'a.png'))).body;
    await first.close();

    const second = await startSyncServer(options);
    try {
      const list = await call(second, 'GET', `${PREFIX}/projects`, { token });
      expect(list.body.projects).toMatchObject([{ id: project.id, name: 'Kept', avatars: [{ id: avatar.id }] }]);
      expect(Buffer.compare((await call(second, 'GET', avatar.baseImageUrl)).body, png)).toBe(0);
      expect(second.db.creditBalance(ALICE.email)).toBe(98);
      expect(second.users[0]?.id).toBe(first.users[0]?.id);
    } finally {
      await second.close();
    }
  });
});
