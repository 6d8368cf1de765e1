import Database from 'better-sqlite3';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core';
import type { DesktopActions } from '../../src/main/core/router/router';
import type { Avatar, UsageRecord } from '../../src/shared/domain';
import type { Result } from '../../src/shared/result';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

const UNKNOWN_AVATAR = 'ava_000000000000000000000000';

/** Records what the shell was asked to do, with the bytes of each file as they were at that moment. */
const recordingDesktop = () => {
  const copies: { filePath: string; bytes: Buffer }[] = [];
  const drags: { filePath: string; iconPath: string; bytes: Buffer; iconBytes: Buffer }[] = [];
  const actions: DesktopActions = {
    copyImageFile: async (filePath) => {
      copies.push({ filePath, bytes: readFileSync(filePath) });
    },
    startDrag: (filePath, iconPath) => {
      drags.push({ filePath, iconPath, bytes: readFileSync(filePath), iconBytes: readFileSync(iconPath) });
    },
  };
  return { actions, copies, drags };
};

describe('desktop commands: avatars.copyImage and avatars.startDrag', () => {
  let lib: TestLibrary;
  let avatar: Avatar;
  let raw: Database.Database;
  let desktop: ReturnType<typeof recordingDesktop>;

  const invoke = async (command: 'avatars.copyImage' | 'avatars.startDrag', id: string, withDesktop = true) =>
    (await lib.library.router.invoke(command, { id }, { shell: withDesktop ? 'electron' : 'web', ...(withDesktop && { desktop: desktop.actions }) })) as Result<UsageRecord>;
  const usageRows = () => raw.prepare('select app_id as appId, app_name as appName, action from usage_history where avatar_id = ?').all(avatar.id);
  const usageCount = () => (raw.prepare('select usage_count as n from avatars where id = ?').get(avatar.id) as { n: number }).n;

  beforeEach(async () => {
    lib = await openTestLibrary();
    const projectId = (await lib.must('projects.create', { name: 'Cast' })).id;
    avatar = await lib.must('avatars.upload', { projectId, fileName: 'ana.webp', bytes: await makeImage('webp', 320, 240) });
    raw = new Database(path.join(lib.dir, DB_FILE_NAME), { readonly: true });
    desktop = recordingDesktop();
  });
  afterEach(async () => {
    raw.close();
    await lib.dispose();
  });

  it('copy hands the shell the stored full image and records one "copy" use', async () => {
    const result = await invoke('avatars.copyImage', avatar.id);
    expect(result).toMatchObject({ ok: true, value: { avatarId: avatar.id, appId: 'avatar-creator', appName: 'Avatar Creator', action: 'copy' } });

    const fullPath = lib.library.images.pathFor(avatar.id, 'full', avatar.image.format);
    expect(desktop.copies).toHaveLength(1);
    const [copy] = desktop.copies;
    expect(copy!.filePath).toBe(fullPath);
    expect(path.dirname(copy!.filePath)).toBe(path.join(lib.dir, 'images'));
    expect(copy!.bytes.equals(readFileSync(fullPath))).toBe(true);
    // The library's own file for this avatar: its format and size, not the thumbnail.
    const meta = await sharp(copy!.bytes).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: avatar.image.width, height: avatar.image.height });

    expect(desktop.drags).toEqual([]);
    expect(usageRows()).toEqual([{ appId: 'avatar-creator', appName: 'Avatar Creator', action: 'copy' }]);
    expect(usageCount()).toBe(1);
  });

  it('startDrag hands the shell the full image and the thumbnail as icon and records one "drag_out" use', async () => {
    const result = await invoke('avatars.startDrag', avatar.id);
    expect(result).toMatchObject({ ok: true, value: { avatarId: avatar.id, appId: 'avatar-creator', action: 'drag_out' } });

    expect(desktop.drags).toHaveLength(1);
    const [drag] = desktop.drags;
    expect(drag!.filePath).toBe(lib.library.images.pathFor(avatar.id, 'full', avatar.image.format));
    expect(drag!.iconPath).toBe(lib.library.images.pathFor(avatar.id, 'thumb', avatar.image.format));
    expect((await sharp(drag!.bytes).metadata()).width).toBe(avatar.image.width);
    expect((await sharp(drag!.iconBytes).metadata()).format).toBe('jpeg');

    expect(desktop.copies).toEqual([]);
    expect(usageRows()).toEqual([{ appId: 'avatar-creator', appName: 'Avatar Creator', action: 'drag_out' }]);
    expect(usageCount()).toBe(1);
  });

  it.each(['avatars.copyImage', 'avatars.startDrag'] as const)('%s without desktop actions is UNSUPPORTED and records nothing', async (command) => {
    const result = await invoke(command, avatar.id, false);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringContaining('desktop app') } });
    // The plain test context (what the CLI and the bridge look like to the router) too.
    expect(await lib.call(command, { id: avatar.id })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(usageRows()).toEqual([]);
    expect(usageCount()).toBe(0);
  });

  it.each(['avatars.copyImage', 'avatars.startDrag'] as const)('%s of an unknown avatar is NOT_FOUND and asks the shell for nothing', async (command) => {
    expect(await invoke(command, UNKNOWN_AVATAR)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(desktop.copies).toEqual([]);
    expect(desktop.drags).toEqual([]);
    expect(raw.prepare('select count(*) as n from usage_history').get()).toEqual({ n: 0 });
  });

  it('a full image file gone from disk is NOT_FOUND, not a dangling path handed to the OS', async () => {
    rmSync(lib.library.images.pathFor(avatar.id, 'full', avatar.image.format));
    expect(await invoke('avatars.copyImage', avatar.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('missing') } });
    expect(await invoke('avatars.startDrag', avatar.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(desktop.copies).toEqual([]);
    expect(desktop.drags).toEqual([]);
    expect(usageRows()).toEqual([]);
  });

  it('a shell that fails to copy records no use', async () => {
    desktop.actions.copyImageFile = () => Promise.reject(new Error('clipboard busy'));
    expect(await invoke('avatars.copyImage', avatar.id)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(usageRows()).toEqual([]);
  });
});
