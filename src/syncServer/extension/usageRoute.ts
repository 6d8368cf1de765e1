import { z } from 'zod';
import { authenticate } from '../auth/authenticate';
import type { Route } from '../http/context';
import { jsonReply, notFoundResource } from '../http/reply';
import { APP_PREFIX, jsonBody } from '../routes/common';
import { findAvatar, markAvatarUsed } from '../store/avatars';
import { isoAt } from '../store/ids';
import { insertUsage } from '../store/usage';
import { trackUsageSchema } from '../validation/schemas';
import { validateOrFail } from '../validation/validate';
import { typeError } from '../validation/zodMessages';
import { idempotent } from './withIdempotency';

/** A use recorded offline may arrive late, but not from the future (a little clock skew allowed). */
export const USAGE_EXTENSION = { maxBatch: 100, futureSkewMs: 5 * 60 * 1000 } as const;

const eventSchema = (now: number) =>
  trackUsageSchema.extend({
    occurredAt: z
      .string({ error: typeError('string') })
      .refine((value) => !Number.isNaN(Date.parse(value)), 'occurredAt must be an ISO 8601 date-time')
      .refine((value) => Date.parse(value) <= now + USAGE_EXTENSION.futureSkewMs, 'occurredAt must not be in the future')
      .optional(),
  });

const batchSchema = (now: number) =>
  z.object(
    {
      events: z
        .array(eventSchema(now), { error: typeError('array') })
        .min(1, 'At least one event is required')
        .max(USAGE_EXTENSION.maxBatch, `Too many events (max ${USAGE_EXTENSION.maxBatch})`),
    },
    { error: typeError('object') },
  );

/**
 * POST /avatars/:id/usage (extension): the platform's trackUsage behind a route. One event, or
 * {events: [...]} recorded all or nothing. Validation is the platform's: 500 {error: "<field>: ..."}.
 */
const recordUsage: Route = {
  method: 'POST',
  pattern: `${APP_PREFIX}/avatars/:id/usage`,
  body: 'json',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    return idempotent(context, services, async () => {
      const now = services.clock();
      const body = jsonBody(context);
      const isBatch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'events' in body;
      const events = isBatch ? validateOrFail(batchSchema(now), body).events : [validateOrFail(eventSchema(now), body)];
      const avatarId = context.params.id as string;
      if (!findAvatar(services.db, avatarId, userId)) throw notFoundResource('Avatar');
      const usage = services.db.transaction(() =>
        events.map((event) => {
          const createdAt = event.occurredAt ? isoAt(Date.parse(event.occurredAt)) : isoAt(now);
          const { occurredAt: _occurredAt, ...fields } = event;
          const row = insertUsage(services.db, { ...fields, avatarId, userId, createdAt }, now);
          markAvatarUsed(services.db, avatarId, createdAt, now);
          return row;
        }),
      )();
      const avatar = findAvatar(services.db, avatarId, userId);
      return jsonReply(200, {
        message: 'Usage recorded',
        usage: isBatch ? usage : usage[0],
        avatar: { id: avatarId, usageCount: avatar?.usageCount, lastUsedAt: avatar?.lastUsedAt },
      });
    });
  },
};

export const capabilitiesBody = (retentionSeconds: number) => ({
  extension: 'avatar-creator-sync',
  version: 1,
  features: {
    usage: { route: `POST ${APP_PREFIX}/avatars/:id/usage`, maxBatch: USAGE_EXTENSION.maxBatch, occurredAt: true },
    idempotencyKeys: {
      header: 'Idempotency-Key',
      routes: [
        `POST ${APP_PREFIX}/projects`,
        `POST ${APP_PREFIX}/projects/:projectId/avatars/upload`,
        `POST ${APP_PREFIX}/avatars/:id/usage`,
      ],
      retentionSeconds,
    },
  },
});

/** Discovery without auth: 200 here with the extension; without it the cloud's plain 404. */
const capabilities: Route = {
  method: 'GET',
  pattern: `${APP_PREFIX}/capabilities`,
  body: 'none',
  handle: async (_context, services) => jsonReply(200, capabilitiesBody(Math.round(services.options.idempotencyTtlMs / 1000))),
};

export const extensionRoutes: readonly Route[] = [recordUsage, capabilities];
