import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/core';
import type { AppEvent, CommandInput } from '../../src/shared/contract';
import type { Avatar } from '../../src/shared/domain';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

const T0 = Date.UTC(2026, 4, 20, 9, 0, 0);

describe('usage history', () => {
  let lib: TestLibrary;
  let clock: number;
  let projectId: string;
  let avatar: Avatar;
  let events: AppEvent[];
  let raw: Database.Database;

  const use = (overrides: Partial<CommandInput<'usage.record'>> = {}) =>
    lib.call('usage.record', { avatarId: avatar.id, appId: 'pose-generator', appName: 'Pose Generator', action: 'generate_pose', ...overrides });
  const historyRows = (avatarId = avatar.id) => raw.prepare('select * from usage_history where avatar_id = ? order by rowid').all(avatarId) as Record<string, unknown>[];
  const avatarRow = (id = avatar.id) =>
    raw.prepare('select usage_count as usageCount, last_used_at as lastUsedAt, updated_at as updatedAt from avatars where id = ?').get(id);

  beforeEach(async () => {
    clock = T0;
    lib = await openTestLibrary({ now: () => clock });
    projectId = (await lib.must('projects.create', { name: 'Cast' })).id;
    avatar = await lib.must('avatars.upload', { projectId, fileName: 'ana.png', bytes: await makeImage('png', 256, 256) });
    events = [];
    lib.library.events.subscribe((event) => events.push(event));
    raw = new Database(path.join(lib.dir, DB_FILE_NAME), { readonly: true });
  });
  afterEach(async () => {
    raw.close();
    await lib.dispose();
  });

  it('records a use: one immutable history row, the count and last use move with it, and avatar.changed carries them', async () => {
    clock = T0 + 5_000;
    const result = await use({ referenceId: 'pose_123', referenceType: 'pose', metadata: { frame: 12, tags: ['a', 'b'], nested: { ok: true } } });
    expect(result.ok).toBe(true);
    const record = result.ok ? result.value : null;
    expect(record).toEqual({
      id: expect.stringMatching(/^use_[0-9a-z]{24}$/),
      avatarId: avatar.id,
      appId: 'pose-generator',
      appName: 'Pose Generator',
      action: 'generate_pose',
      referenceId: 'pose_123',
      referenceType: 'pose',
      metadata: { frame: 12, tags: ['a', 'b'], nested: { ok: true } },
      createdAt: T0 + 5_000,
    });
    expect(historyRows()).toEqual([
      {
        id: record!.id,
        avatar_id: avatar.id,
        app_id: 'pose-generator',
        app_name: 'Pose Generator',
        action: 'generate_pose',
        reference_id: 'pose_123',
        reference_type: 'pose',
        metadata: '{"frame":12,"tags":["a","b"],"nested":{"ok":true}}',
        created_at: T0 + 5_000,
      },
    ]);
    // A use is not an edit: updatedAt stays where the upload put it.
    expect(avatarRow()).toEqual({ usageCount: 1, lastUsedAt: T0 + 5_000, updatedAt: avatar.updatedAt });

    expect(events).toEqual([{ name: 'avatar.changed', payload: { avatar: expect.objectContaining({ id: avatar.id, usageCount: 1, lastUsedAt: T0 + 5_000 }) } }]);

    clock = T0 + 9_000;
    await use({ appId: 'clipboard', appName: 'Avatar Creator', action: 'copy' });
    expect(events.at(-1)).toMatchObject({ name: 'avatar.changed', payload: { avatar: { usageCount: 2, lastUsedAt: T0 + 9_000 } } });
    expect(await lib.must('avatars.get', { id: avatar.id })).toMatchObject({ usageCount: 2, lastUsedAt: T0 + 9_000 });
    expect((await lib.must('usage.list', { avatarId: avatar.id }))[1]).toEqual(record);
  });

  it('trims text, stores blank optional fields as null, and never moves last use backwards', async () => {
    clock = T0 + 10_000;
    await use();
    clock = T0 + 1_000; // another process with a slower clock
    const result = await use({ appId: '  exporter ', appName: ' Exporter ', action: ' export ', referenceId: '  ', referenceType: '' });
    expect(result.ok && result.value).toMatchObject({ appId: 'exporter', appName: 'Exporter', action: 'export', referenceId: null, referenceType: null, metadata: null });
    expect(avatarRow()).toMatchObject({ usageCount: 2, lastUsedAt: T0 + 10_000 });
  });

  it('accepts every field at its limit, metadata at exactly 4,096 bytes', async () => {
    const metadata = { k: 'x'.repeat(4096 - '{"k":""}'.length) };
    expect(Buffer.byteLength(JSON.stringify(metadata))).toBe(4096);
    const result = await use({
      appId: 'a'.repeat(50),
      appName: 'n'.repeat(100),
      action: 'c'.repeat(100),
      referenceId: 'r'.repeat(100),
      referenceType: 't'.repeat(50),
      metadata,
    });
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    expect(historyRows()).toHaveLength(1);
  });

  it('refuses input outside the platform rules with VALIDATION_FAILED and writes nothing', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['appId empty', { appId: '' }],
      ['appId blank', { appId: '   ' }],
      ['appId 51', { appId: 'a'.repeat(51) }],
      ['appName empty', { appName: '' }],
      ['appName 101', { appName: 'n'.repeat(101) }],
      ['action empty', { action: '' }],
      ['action 101', { action: 'c'.repeat(101) }],
      ['referenceId 101', { referenceId: 'r'.repeat(101) }],
      ['referenceType 51', { referenceType: 't'.repeat(51) }],
      ['metadata array', { metadata: [1, 2] }],
      ['metadata string', { metadata: '{"a":1}' }],
      ['metadata null', { metadata: null }],
      ['metadata 4,097 characters', { metadata: { k: 'x'.repeat(4097 - '{"k":""}'.length) } }],
      // 2,100 characters but 4,200 bytes: the byte bound holds for text that is not ASCII.
      ['metadata 4,200 bytes', { metadata: { k: 'é'.repeat(2100) } }],
      ['appId not text', { appId: 7 }],
      ['unknown field', { extra: true }],
      ['avatar id malformed', { avatarId: '../../etc/passwd' }],
    ];
    for (const [label, overrides] of cases) {
      const result = await use(overrides as Partial<CommandInput<'usage.record'>>);
      expect(result.ok, label).toBe(false);
      expect(!result.ok && result.error.code, label).toBe('VALIDATION_FAILED');
    }
    const missing = await lib.call('usage.record', { avatarId: avatar.id, appId: 'x', action: 'y' } as CommandInput<'usage.record'>);
    expect(!missing.ok && missing.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'appName' })] });
    const bytes = await use({ metadata: { k: 'é'.repeat(2100) } });
    expect(!bytes.ok && bytes.error).toMatchObject({ issues: [{ path: 'metadata', message: 'must be at most 4096 bytes as JSON' }] });

    expect(historyRows()).toEqual([]);
    expect(avatarRow()).toMatchObject({ usageCount: 0, lastUsedAt: null });
    expect(events).toEqual([]);
  });

  it('answers NOT_FOUND for an avatar that does not exist, for record and list alike', async () => {
    const ghost = 'ava_000000000000000000000000';
    const recorded = await use({ avatarId: ghost });
    expect(!recorded.ok && recorded.error).toMatchObject({ code: 'NOT_FOUND', message: `No avatar with id ${ghost}.` });
    const listed = await lib.call('usage.list', { avatarId: ghost });
    expect(!listed.ok && listed.error.code).toBe('NOT_FOUND');
    expect(raw.prepare('select count(*) as n from usage_history').get()).toEqual({ n: 0 });
    expect(events).toEqual([]);
  });

  it('lists newest first (created_at, then id, descending), 50 by default, up to the limit asked', async () => {
    for (let i = 0; i < 55; i += 1) {
      clock = T0 + Math.floor(i / 5) * 1000; // five records share each millisecond
      await use({ action: `action-${i}` });
    }
    const all = historyRows().map((row) => ({ id: row.id as string, createdAt: row.created_at as number, action: row.action as string }));
    const expected = [...all].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));

    const listed = await lib.must('usage.list', { avatarId: avatar.id });
    expect(listed).toHaveLength(50);
    expect(listed.map((record) => record.id)).toEqual(expected.slice(0, 50).map((row) => row.id));
    expect((await lib.must('usage.list', { avatarId: avatar.id, limit: 3 })).map((record) => record.id)).toEqual(expected.slice(0, 3).map((row) => row.id));
    expect(await lib.must('usage.list', { avatarId: avatar.id, limit: 500 })).toHaveLength(55);
    for (const limit of [0, 501, 1.5]) {
      const bad = await lib.call('usage.list', { avatarId: avatar.id, limit });
      expect(!bad.ok && bad.error.code, String(limit)).toBe('VALIDATION_FAILED');
    }
    expect(avatarRow()).toMatchObject({ usageCount: 55 });
  });

  it('removes an avatar’s history with the avatar, and a project’s with the project', async () => {
    const other = await lib.must('avatars.upload', { projectId, fileName: 'bo.png', bytes: await makeImage('png', 256, 256) });
    await use();
    await use();
    await use({ avatarId: other.id });
    await lib.must('avatars.delete', { id: avatar.id });
    expect(historyRows(avatar.id)).toEqual([]);
    expect(historyRows(other.id)).toHaveLength(1);

    await lib.must('projects.delete', { id: projectId });
    expect(raw.prepare('select count(*) as n from usage_history').get()).toEqual({ n: 0 });
  });
});
