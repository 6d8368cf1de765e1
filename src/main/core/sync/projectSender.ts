import { CloudError } from './cloudClient';
import { readProject, type LocalProject } from './records';
import { FIVE_MINUTES, markSending, mustCheck, payloadOf, RowIssue, type SendContext } from './sendContext';
import type { OutboxRow } from './syncStore';
import { APP_PATH } from './cloudClient';

const normalName = (name: string): string => name.trim().replace(/\s+/g, ' ');
const fieldsOf = (project: { name: unknown; description?: unknown }) => ({
  name: normalName(String(project.name ?? '')),
  description: ((project.description as string | null | undefined) ?? '').trim() || null,
});

type CloudProject = { id: string; name: string; description: string | null; createdAt: string; updatedAt: string };

const remember = (context: SendContext, localId: string, project: CloudProject): void =>
  context.store.setMap('project', localId, project.id, project.updatedAt, fieldsOf(project));

/** §3.3: after an unknown outcome, a project created at or after the first send with the same name and description. */
const findSent = async (context: SendContext, row: OutboxRow, local: Pick<LocalProject, 'name' | 'description'>): Promise<CloudProject | null> => {
  const { body } = await context.cloud.request('GET', `${APP_PATH}/projects`, { token: context.token });
  const mapped = context.store.mappedCloudIds('project');
  const wanted = fieldsOf(local);
  const since = (row.firstSentAt ?? 0) - FIVE_MINUTES;
  const candidates = ((body.projects as CloudProject[] | undefined) ?? []).filter(
    (project) =>
      !mapped.has(project.id) &&
      Date.parse(project.createdAt) >= since &&
      fieldsOf(project).name === wanted.name &&
      fieldsOf(project).description === wanted.description,
  );
  return candidates[0] ?? null;
};

const create = async (context: SendContext, row: OutboxRow, local: LocalProject): Promise<void> => {
  let made: CloudProject | null = null;
  if (mustCheck(row, context)) {
    const sent = payloadOf(row).sent;
    made = await findSent(context, row, sent ? { name: sent.name, description: sent.description ?? null } : local);
  }
  if (!made) {
    // A re-send repeats the first request exactly (Idempotency-Key); a rename since follows by PUT below.
    const earlier = row.inFlight ? payloadOf(row).sent : undefined;
    const json = earlier
      ? { name: earlier.name, ...(earlier.description ? { description: earlier.description } : {}) }
      : { name: local.name, ...(local.description ? { description: local.description } : {}) };
    await context.gate('projectCreate');
    markSending(context, row, { name: json.name, description: json.description ?? null });
    context.pacer.recordSend('projectCreate');
    const answer = await context.cloud.request('POST', `${APP_PATH}/projects`, {
      token: context.token,
      json,
      ...(context.extension && { idempotencyKey: row.idempotencyKey }),
    });
    context.pacer.fromHeaders('projectCreate', answer.headers);
    made = answer.body.project as CloudProject;
  }
  remember(context, local.id, made);
  // The relay drops later update rows as covered by this send: the cloud must now hold the current state.
  if (JSON.stringify(fieldsOf(made)) !== JSON.stringify(fieldsOf(local))) {
    const put = await context.cloud.request('PUT', `${APP_PATH}/projects/${made.id}`, { token: context.token, json: { name: local.name, description: local.description ?? '' } });
    remember(context, local.id, put.body.project as CloudProject);
  }
};

const update = async (context: SendContext, row: OutboxRow, local: LocalProject, cloudId: string): Promise<void> => {
  const map = context.store.map('project', local.id)!;
  let remote: CloudProject;
  try {
    remote = (await context.cloud.request('GET', `${APP_PATH}/projects/${cloudId}`, { token: context.token })).body.project as CloudProject;
  } catch (error) {
    if (!(error instanceof CloudError && error.failure.kind === 'notFound')) throw error;
    if (!payloadOf(row).force) throw new RowIssue('conflict', 'This project was deleted on the server.');
    context.store.unmap('project', local.id);
    return create(context, row, local);
  }
  const changedThere = remote.updatedAt !== map.remoteUpdatedAt && JSON.stringify(fieldsOf(remote)) !== map.remoteFields;
  if (changedThere && !payloadOf(row).force) throw new RowIssue('conflict', 'This project was changed on the server since the last sync.', remote.updatedAt);
  const answer = await context.cloud.request('PUT', `${APP_PATH}/projects/${cloudId}`, {
    token: context.token,
    json: { name: local.name, description: local.description ?? '' },
  });
  remember(context, local.id, answer.body.project as CloudProject);
};

/** Sends one project row: create, update (PUT after a conflict check) or delete. */
export const sendProject = async (context: SendContext, row: OutboxRow): Promise<void> => {
  const map = context.store.map('project', row.entityId);
  if (row.operation === 'delete') {
    if (!map) return;
    try {
      await context.cloud.request('DELETE', `${APP_PATH}/projects/${map.cloudId}`, { token: context.token });
    } catch (error) {
      if (!(error instanceof CloudError && error.failure.kind === 'notFound')) throw error;
    }
    context.store.unmap('project', row.entityId);
    return;
  }
  const local = readProject(context.sqlite, row.entityId);
  if (!local) {
    // Deleted since. A create whose outcome is unknown may still have made it: map it, so the delete row removes it.
    const sent = payloadOf(row).sent;
    if (row.inFlight && sent) {
      const found = await findSent(context, row, { name: sent.name, description: sent.description ?? null });
      if (found) remember(context, row.entityId, found);
    }
    return;
  }
  if (!map) return create(context, row, local);
  return update(context, row, local, map.cloudId);
};
