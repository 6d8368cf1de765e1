import type Database from 'better-sqlite3';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { SyncIssue } from '../../../shared/sync';
import { APP_PATH, CloudError, type CloudClient } from './cloudClient';
import { cloudFields, ENUM_FIELDS, TEXT_FIELDS } from './records';
import type { InitialProgress } from './syncStatus';
import type { OutboxRow, SyncStore } from './syncStore';

const KEY = `'ac-' || lower(hex(randomblob(16)))`;

/**
 * Opts a project in or out. In: its existing avatars and their usage history are queued behind the
 * project itself (the first sync), in the order they were made. Out: what is still waiting is dropped.
 */
export const setProjectSync = (store: SyncStore, projectId: string, enabled: boolean, now: number): void => {
  const { sqlite } = store;
  sqlite.transaction(() => {
    if (!sqlite.prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId)) throw new AppError(ErrorCode.NOT_FOUND, 'No such project.');
    const was = sqlite.prepare('SELECT enabled FROM sync_projects WHERE project_id = ?').get(projectId) as { enabled: number } | undefined;
    if (Boolean(was?.enabled) === enabled) return;
    sqlite
      .prepare('INSERT INTO sync_projects (project_id, enabled, updated_at) VALUES (?, ?, ?) ON CONFLICT(project_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at')
      .run(projectId, enabled ? 1 : 0, now);
    if (!enabled) {
      sqlite
        .prepare(
          `DELETE FROM sync_outbox WHERE status <> 'sending' AND in_flight = 0 AND ((entity_type = 'project' AND entity_id = ?) OR parent_id = ?
             OR (entity_type = 'usage' AND parent_id IN (SELECT id FROM avatars WHERE project_id = ?)))`,
        )
        .run(projectId, projectId, projectId);
      return;
    }
    const insert = `INSERT INTO sync_outbox (entity_type, entity_id, operation, payload, idempotency_key, parent_id, initial, created_at)`;
    let queued = sqlite.prepare(`${insert} VALUES ('project', ?, 'create', '{}', ${KEY}, NULL, 1, ?)`).run(projectId, now).changes;
    queued += sqlite
      .prepare(`${insert} SELECT 'avatar', id, 'create', '{}', ${KEY}, project_id, 1, ? FROM avatars WHERE project_id = ? ORDER BY created_at, id`)
      .run(now, projectId).changes;
    queued += sqlite
      .prepare(
        `${insert} SELECT 'usage', u.id, 'usage', '{}', ${KEY}, u.avatar_id, 1, ? FROM usage_history u JOIN avatars a ON a.id = u.avatar_id
         WHERE a.project_id = ? ORDER BY u.created_at, u.id`,
      )
      .run(now, projectId).changes;
    const progress = store.getMeta<InitialProgress>('initial');
    const left = store.counts().initialLeft - queued;
    store.setMeta('initial', progress && left > 0 ? { ...progress, total: progress.total + queued } : { total: queued, startedAt: now, doneAtStart: 0 });
  })();
};

const localUpdatedAt = (sqlite: Database.Database, row: OutboxRow): number | null => {
  const table = row.entityType === 'project' ? 'projects' : row.entityType === 'avatar' ? 'avatars' : 'usage_history';
  const column = row.entityType === 'usage' ? 'created_at' : 'updated_at';
  return (sqlite.prepare(`SELECT ${column} AS at FROM ${table} WHERE id = ?`).get(row.entityId) as { at: number } | undefined)?.at ?? null;
};

export const listIssues = (store: SyncStore): SyncIssue[] =>
  store.rows(`status IN ('error', 'conflict')`).map((row) => {
    let remote: string | null = null;
    try {
      remote = (JSON.parse(row.payload) as { remoteUpdatedAt?: string | null }).remoteUpdatedAt ?? null;
    } catch {
      remote = null;
    }
    return {
      id: row.seq,
      kind: row.status === 'conflict' ? 'conflict' : 'error',
      entityType: row.entityType,
      entityId: row.entityId,
      operation: row.operation,
      message: row.lastError ?? '',
      localUpdatedAt: localUpdatedAt(store.sqlite, row),
      remoteUpdatedAt: remote ? Date.parse(remote) : null,
      createdAt: row.createdAt,
    };
  });

const recordChange = (sqlite: Database.Database, entity: 'project' | 'avatar', id: string, kind: 'changed' | 'deleted', projectId: string | null, now: number): void => {
  sqlite.prepare(`INSERT INTO change_feed (origin, entity, entity_id, kind, project_id, at) VALUES ('sync', ?, ?, ?, ?, ?)`).run(entity, id, kind, projectId, now);
};

/** take_theirs: the cloud's record replaces the local one (or its absence deletes it), with the outbox triggers silenced. */
export const takeTheirs = async (store: SyncStore, cloud: CloudClient, token: string, row: OutboxRow, now: number): Promise<void> => {
  if (row.entityType === 'usage') throw new AppError(ErrorCode.INVALID_STATE, 'Usage history has no server copy to take; retry or discard it.');
  const map = store.map(row.entityType, row.entityId);
  let remote: Record<string, unknown> | null = null;
  if (map) {
    const path = row.entityType === 'project' ? `${APP_PATH}/projects/${map.cloudId}` : `${APP_PATH}/avatars/${map.cloudId}`;
    try {
      const { body } = await cloud.request('GET', path, { token });
      remote = (body.project ?? body.avatar) as Record<string, unknown>;
    } catch (error) {
      if (!(error instanceof CloudError && error.failure.kind === 'notFound')) throw new AppError(ErrorCode.SYNC_UNAVAILABLE, (error as Error).message);
    }
  }
  const { sqlite } = store;
  store.suppressed(() => {
    const projectId = row.entityType === 'avatar' ? ((sqlite.prepare('SELECT project_id AS p FROM avatars WHERE id = ?').get(row.entityId) as { p: string } | undefined)?.p ?? null) : null;
    if (!remote) {
      sqlite.prepare(`DELETE FROM ${row.entityType === 'project' ? 'projects' : 'avatars'} WHERE id = ?`).run(row.entityId);
      store.unmap(row.entityType as 'project' | 'avatar', row.entityId);
      recordChange(sqlite, row.entityType as 'project' | 'avatar', row.entityId, 'deleted', projectId, now);
    } else if (row.entityType === 'project') {
      sqlite.prepare('UPDATE projects SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(String(remote.name), (remote.description as string | null) ?? null, now, row.entityId);
      store.setMap('project', row.entityId, map!.cloudId, String(remote.updatedAt), { name: remote.name, description: remote.description ?? null });
      recordChange(sqlite, 'project', row.entityId, 'changed', null, now);
    } else {
      const fields = cloudFields(remote);
      const columns: Record<string, string> = {
        personaName: 'persona_name', personaBackground: 'persona_background', ethnicity: 'ethnicity', bodyType: 'body_type', hairStyle: 'hair_style',
        hairColor: 'hair_color', eyeColor: 'eye_color', skinTone: 'skin_tone', style: 'style', gender: 'gender', ageRange: 'age_range',
      };
      const keys = [...TEXT_FIELDS, ...ENUM_FIELDS];
      sqlite
        .prepare(`UPDATE avatars SET name = ?, persona_age = ?, persona_personality = ?, ${keys.map((key) => `${columns[key]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
        .run(fields.name, fields.personaAge, fields.personaPersonality ?? '[]', ...keys.map((key) => fields[key] ?? null), now, row.entityId);
      store.setMap('avatar', row.entityId, map!.cloudId, String(remote.updatedAt), fields);
      recordChange(sqlite, 'avatar', row.entityId, 'changed', projectId, now);
    }
    sqlite.prepare(`DELETE FROM sync_outbox WHERE entity_type = ? AND entity_id = ? AND (seq = ? OR (operation = 'update' AND status = 'pending'))`).run(row.entityType, row.entityId, row.seq);
  });
};
