import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestLibrary, tempDir } from '../helpers/library';
import { rmSync } from 'node:fs';

const EXPECTED_TABLES = ['avatars', 'change_feed', 'credit_ledger', 'generations', 'presets', 'projects', 'sync_map', 'sync_meta', 'sync_outbox', 'sync_projects', 'sync_suppress', 'usage_app_totals', 'usage_history'];

describe('database', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('migrates an empty folder to every table, and re-opening applies nothing twice', async () => {
    const dir = tempDir('migrate');
    dirs.push(dir);
    const first = await openTestLibrary({ dir });
    const project = await first.must('projects.create', { name: 'Survives reopen' });
    first.library.close();

    const second = await openTestLibrary({ dir });
    expect((await second.must('projects.list', {})).map((p) => p.id)).toEqual([project.id]);
    second.library.close();

    const db = new Database(path.join(dir, 'library.db'), { readonly: true });
    const tables = db
      // The full-text index's own tables (avatars_fts and its shadow tables) are checked by the search tests.
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'avatars_fts%' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(EXPECTED_TABLES);
    const applied = db.prepare('select count(*) from __drizzle_migrations').pluck().get() as number;
    expect(applied).toBeGreaterThan(0);
    db.close();
  });

  it('runs with WAL, explicit synchronous, foreign keys and the query indexes', async () => {
    const lib = await openTestLibrary();
    dirs.push(lib.dir);
    const db = new Database(path.join(lib.dir, 'library.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const indexes = db.prepare("select name from sqlite_master where type = 'index' and name not like 'sqlite_%'").pluck().all();
    expect(indexes).toEqual(
      expect.arrayContaining(['avatars_project_created_idx', 'avatars_generation_uq', 'generations_queue_idx', 'usage_avatar_created_idx', 'sync_outbox_status_idx']),
    );
    const plan = db
      .prepare("explain query plan select * from avatars where project_id = 'p' order by created_at desc")
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join(' ');
    expect(plan).toContain('avatars_project_created_idx');
    const foreignKeys = db.prepare("select * from pragma_foreign_key_list('avatars')").all() as { table: string; on_delete: string }[];
    expect(foreignKeys.find((fk) => fk.table === 'projects')?.on_delete).toBe('CASCADE');
    db.close();
    lib.library.close();
  });
});
