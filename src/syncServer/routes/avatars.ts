import { authenticate } from '../auth/authenticate';
import type { Route } from '../http/context';
import { jsonReply, notFoundResource } from '../http/reply';
import { deleteAvatar, findAvatar, updateAvatar, type AvatarFieldValues } from '../store/avatars';
import { findProject } from '../store/projects';
import { listUsage, usageSummary } from '../store/usage';
import { updateAvatarSchema } from '../validation/schemas';
import { validateOrFail } from '../validation/validate';
import { APP_PREFIX, jsonBody } from './common';

/** GET answers the avatar with its project (the cloud's findAvatarById includes it). */
const get: Route = {
  method: 'GET',
  pattern: `${APP_PREFIX}/avatars/:id`,
  body: 'none',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    const avatar = findAvatar(services.db, context.params.id as string, userId);
    if (!avatar) throw notFoundResource('Avatar');
    return jsonReply(200, { avatar: { ...avatar, project: findProject(services.db, avatar.projectId, userId) } });
  },
};

/**
 * PUT takes the upload's fields as JSON, with personaPersonality as a real array here (not a
 * string) and no form coercion; null is refused ("Expected string, received null"), so a field
 * can be emptied with "" but not cleared.
 */
const update: Route = {
  method: 'PUT',
  pattern: `${APP_PREFIX}/avatars/:id`,
  body: 'json',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    const input = validateOrFail(updateAvatarSchema, jsonBody(context));
    const id = context.params.id as string;
    if (!findAvatar(services.db, id, userId)) throw notFoundResource('Avatar');
    const changes: AvatarFieldValues = {
      ...input,
      personaPersonality: input.personaPersonality === undefined ? undefined : JSON.stringify(input.personaPersonality),
    };
    updateAvatar(services.db, id, changes, services.clock());
    return jsonReply(200, { message: 'Avatar updated successfully', avatar: findAvatar(services.db, id, userId) });
  },
};

/** Deleting takes its files and usage history along (cascade). */
const remove: Route = {
  method: 'DELETE',
  pattern: `${APP_PREFIX}/avatars/:id`,
  body: 'none',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    const id = context.params.id as string;
    if (!findAvatar(services.db, id, userId)) throw notFoundResource('Avatar');
    deleteAvatar(services.db, id);
    return jsonReply(200, { message: 'Avatar deleted successfully' });
  },
};

const usageHistory: Route = {
  method: 'GET',
  pattern: `${APP_PREFIX}/avatars/:id/usage-history`,
  body: 'none',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    const id = context.params.id as string;
    if (!findAvatar(services.db, id, userId)) throw notFoundResource('Avatar');
    return jsonReply(200, { history: listUsage(services.db, id), summary: usageSummary(services.db, id) });
  },
};

export const avatarRoutes: readonly Route[] = [get, update, remove, usageHistory];
