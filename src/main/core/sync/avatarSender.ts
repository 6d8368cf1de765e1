import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { APP_PATH, CloudError } from './cloudClient';
import { prepareUpload, sha256, type PreparedUpload } from './imageMarker';
import { cloudFields, localFields, putBody, readAvatar, sameFields, uploadForm, type LocalAvatar } from './records';
import { FIVE_MINUTES, markSending, mustCheck, notYet, payloadOf, RowIssue, type SendContext } from './sendContext';
import type { OutboxRow } from './syncStore';

type CloudAvatar = Record<string, unknown> & { id: string; name: string; baseImageUrl: string; createdAt: string; updatedAt: string };

const remember = (context: SendContext, localId: string, avatar: CloudAvatar): void =>
  context.store.setMap('avatar', localId, avatar.id, avatar.updatedAt, cloudFields(avatar));

/** The bytes this row uploads, made once and kept until acknowledged, so every re-send is byte-identical. */
const keptBytes = async (context: SendContext, row: OutboxRow): Promise<PreparedUpload | null> => {
  for (const format of ['png', 'jpeg'] as const) {
    const file = path.join(context.outgoingDir, `${row.idempotencyKey}.${format}`);
    if (existsSync(file)) {
      const bytes = await readFile(file);
      return { bytes, format, fileName: `avatar.${format === 'png' ? 'png' : 'jpg'}`, sha256: sha256(bytes) };
    }
  }
  return null;
};

const preparedBytes = async (context: SendContext, row: OutboxRow, local: LocalAvatar): Promise<PreparedUpload> => {
  const kept = await keptBytes(context, row);
  if (kept) return kept;
  const original = await readFile(context.images.pathFor(local.id, 'full', local.imageFormat));
  const prepared = await prepareUpload(original, local.imageFormat, row.idempotencyKey);
  await mkdir(context.outgoingDir, { recursive: true });
  const file = path.join(context.outgoingDir, `${row.idempotencyKey}.${prepared.format}`);
  await writeFile(`${file}.tmp`, prepared.bytes);
  await rename(`${file}.tmp`, file);
  return prepared;
};

export const forgetPrepared = async (outgoingDir: string, key: string): Promise<void> => {
  await Promise.all(['png', 'jpeg'].map((format) => rm(path.join(outgoingDir, `${key}.${format}`), { force: true })));
};

/**
 * §3.1: the upload happened if the project holds an avatar with the name sent, created since the
 * first send (less 5 minutes of clock skew), not mapped to another item, whose original has exactly
 * the bytes sent (they carry this row's marker).
 */
const findSent = async (context: SendContext, row: OutboxRow, projectCloudId: string, name: string, prepared: PreparedUpload): Promise<CloudAvatar | null> => {
  let project: { avatars?: CloudAvatar[] };
  try {
    project = (await context.cloud.request('GET', `${APP_PATH}/projects/${projectCloudId}`, { token: context.token })).body.project as typeof project;
  } catch (error) {
    if (error instanceof CloudError && error.failure.kind === 'notFound') throw new RowIssue('conflict', 'The project was deleted on the server.');
    throw error;
  }
  const mapped = context.store.mappedCloudIds('avatar');
  const since = (row.firstSentAt ?? 0) - FIVE_MINUTES;
  for (const avatar of project.avatars ?? []) {
    if (mapped.has(avatar.id) || avatar.name.trim() !== name.trim() || Date.parse(avatar.createdAt) < since) continue;
    const bytes = await context.cloud.bytes(avatar.baseImageUrl);
    if (bytes && sha256(bytes) === prepared.sha256) return avatar;
  }
  return null;
};

const create = async (context: SendContext, row: OutboxRow, local: LocalAvatar): Promise<void> => {
  const project = context.store.map('project', local.projectId);
  if (!project) throw notYet('The project is not on the server yet.');
  const prepared = await preparedBytes(context, row, local);
  const form0 = uploadForm(local);
  // A re-send is the same request as the first send (same Idempotency-Key, same marker): the fields
  // as first sent; edits made since follow by PUT once the avatar exists.
  const earlier = row.inFlight ? payloadOf(row).sent?.fields : undefined;
  const fields = earlier ?? form0.fields;
  const needsPut = form0.needsPut;
  let avatar: CloudAvatar | null = mustCheck(row, context) ? await findSent(context, row, project.cloudId, fields.name!, prepared) : null;
  if (!avatar) {
    await context.gate('upload');
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('image', new Blob([prepared.bytes], { type: `image/${prepared.format}` }), prepared.fileName);
    markSending(context, row, { name: fields.name!, projectCloudId: project.cloudId, fields }, { sentSha256: prepared.sha256 });
    context.pacer.recordSend('upload');
    const answer = await context.cloud.request('POST', `${APP_PATH}/projects/${project.cloudId}/avatars/upload`, {
      token: context.token,
      form,
      ...(context.extension && { idempotencyKey: row.idempotencyKey }),
    });
    context.pacer.fromHeaders('upload', answer.headers);
    if (typeof answer.body.creditBalance === 'number') context.setBalance(answer.body.creditBalance);
    avatar = answer.body.avatar as CloudAvatar;
  }
  remember(context, local.id, avatar);
  // Number-like or JSON-like values could not go in the form (they change type there): PUT them as JSON.
  if (needsPut || !sameFields(cloudFields(avatar), localFields(local))) {
    const answer = await context.cloud.request('PUT', `${APP_PATH}/avatars/${avatar.id}`, { token: context.token, json: putBody(local) });
    remember(context, local.id, answer.body.avatar as CloudAvatar);
  }
};

const update = async (context: SendContext, row: OutboxRow, local: LocalAvatar, cloudId: string, lastSeen: { remoteUpdatedAt: string | null; remoteFields: string | null }): Promise<void> => {
  let remote: CloudAvatar;
  try {
    remote = (await context.cloud.request('GET', `${APP_PATH}/avatars/${cloudId}`, { token: context.token })).body.avatar as CloudAvatar;
  } catch (error) {
    if (!(error instanceof CloudError && error.failure.kind === 'notFound')) throw error;
    if (!payloadOf(row).force) throw new RowIssue('conflict', 'This avatar was deleted on the server.');
    context.store.unmap('avatar', local.id);
    return create(context, row, local);
  }
  // Usage moves the cloud's updatedAt too: only a change of the synced fields is someone else's edit.
  const theirs = cloudFields(remote);
  const changedThere = remote.updatedAt !== lastSeen.remoteUpdatedAt && (!lastSeen.remoteFields || !sameFields(theirs, JSON.parse(lastSeen.remoteFields)));
  if (changedThere && !payloadOf(row).force) throw new RowIssue('conflict', 'This avatar was changed on the server since the last sync.', remote.updatedAt);
  if (sameFields(theirs, localFields(local))) return remember(context, local.id, remote);
  const answer = await context.cloud.request('PUT', `${APP_PATH}/avatars/${cloudId}`, { token: context.token, json: putBody(local) });
  remember(context, local.id, answer.body.avatar as CloudAvatar);
};

/** Sends one avatar row: upload (+ PUT for what the form cannot carry), PUT after a conflict check, or DELETE. */
export const sendAvatar = async (context: SendContext, row: OutboxRow): Promise<void> => {
  const map = context.store.map('avatar', row.entityId);
  if (row.operation === 'delete') {
    // Usage still waiting for this avatar (a server without the usage route) has nothing left to describe.
    context.sqlite.prepare(`DELETE FROM sync_outbox WHERE operation = 'usage' AND parent_id = ? AND status = 'pending' AND in_flight = 0`).run(row.entityId);
    if (!map) return;
    try {
      await context.cloud.request('DELETE', `${APP_PATH}/avatars/${map.cloudId}`, { token: context.token });
    } catch (error) {
      if (!(error instanceof CloudError && error.failure.kind === 'notFound')) throw error;
    }
    context.store.unmap('avatar', row.entityId);
    return;
  }
  const local = readAvatar(context.sqlite, row.entityId);
  if (!local) {
    // Deleted since; its delete row follows. An upload whose outcome is unknown may still have made
    // the avatar: find it by its marker and map it, so that delete removes it from the cloud too.
    const sent = payloadOf(row).sent;
    const kept = row.operation === 'create' && row.inFlight && sent?.projectCloudId ? await keptBytes(context, row) : null;
    if (kept && sent?.projectCloudId) {
      const found = await findSent(context, row, sent.projectCloudId, sent.name, kept).catch((error: unknown) => {
        if (error instanceof RowIssue) return null; // the project is gone from the cloud, and the avatar with it
        throw error;
      });
      if (found) remember(context, row.entityId, found);
    }
    await forgetPrepared(context.outgoingDir, row.idempotencyKey);
    return;
  }
  if (!map) {
    await create(context, row, local);
    await forgetPrepared(context.outgoingDir, row.idempotencyKey);
    return;
  }
  return update(context, row, local, map.cloudId, map);
};
