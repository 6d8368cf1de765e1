import { randomBytes } from 'node:crypto';
import { authenticate } from '../auth/authenticate';
import { idempotent } from '../extension/withIdempotency';
import type { RequestContext, Route } from '../http/context';
import { HttpFailure, handlerValidation, jsonReply, notFoundResource } from '../http/reply';
import { makeThumbnail, validateImage } from '../images/validateImage';
import { enforceLimit } from '../rateLimit';
import type { Services } from '../services';
import { findAvatar, insertAvatar } from '../store/avatars';
import { chargeCredits, creditBalance } from '../store/credits';
import { putFile } from '../store/files';
import { findProject } from '../store/projects';
import { uploadAvatarMetadataSchema, type UploadMetadata } from '../validation/schemas';
import { preprocessFormFields, validateOrFail } from '../validation/validate';
import { APP_ID, APP_PREFIX, COSTS } from './common';

const CONTENT_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };

/** The cloud's generateSecureFilename: avatar_<ms>_<random><ext>; the thumbnail keeps the extension although it is JPEG. */
const storedNames = (userId: string, extension: string, now: number) => {
  const base = `avatar_${now}_${randomBytes(6).toString('hex')}`;
  const dir = `/uploads/avatar-creator/${userId}`;
  return { image: `${dir}/${base}${extension}`, thumbnail: `${dir}/${base}_thumb${extension}` };
};

const enforceUploadLimit = (context: RequestContext, services: Services): void => {
  const limits = services.options.rateLimits;
  if (!limits) return;
  const rule = {
    key: 'rl:avatar-creator:upload',
    max: limits.uploadPerMinute,
    windowMs: limits.uploadWindowMs,
    message: 'Too many upload requests. Please wait before uploading more images.',
  };
  enforceLimit(services.limiter, rule, context, services.clock);
};

/** deductCredits middleware: checks only; the charge comes after the avatar exists. */
const checkCredits = (services: Services, userId: string): void => {
  const current = creditBalance(services.db, userId);
  if (current < COSTS.uploadAvatar) {
    throw new HttpFailure(jsonReply(402, { error: 'Insufficient credits', required: COSTS.uploadAvatar, current }));
  }
};

const toFields = (input: UploadMetadata) => ({
  ...input,
  personaPersonality: input.personaPersonality ? JSON.stringify(input.personaPersonality) : undefined,
});

/**
 * POST /projects/:projectId/avatars/upload, in the cloud's order: auth → rate limit (10/min,
 * every attempt counts) → credit check (402) → field validation (500) → image present (400) →
 * project owner (404) → image checks (400) → store original + thumbnail → avatar row → charge.
 * The charge is a separate step after the row: if it fails the avatar stays and the answer is a
 * generic 500 (the cloud's check-then-charge race), so a 500 here is "outcome unknown".
 */
const upload: Route = {
  method: 'POST',
  pattern: `${APP_PREFIX}/projects/:projectId/avatars/upload`,
  body: 'multipart',
  handle: async (context, services) => {
    const userId = await authenticate(context, services);
    return idempotent(context, services, async () => {
      enforceUploadLimit(context, services);
      checkCredits(services, userId);
      const form = context.body.kind === 'multipart' ? context.body.form : { fields: new Map<string, string>(), files: new Map() };
      const metadata = validateOrFail(uploadAvatarMetadataSchema, preprocessFormFields(form.fields), 'Form validation failed: ');
      const file = form.files.get('image');
      if (!file) {
        // Hono hands a part without a file name over as text, which the cloud then fails to read.
        if (form.fields.has('image')) throw handlerValidation('Failed to read file data', 'image');
        throw handlerValidation('Image file is required');
      }
      const projectId = context.params.projectId as string;
      if (!findProject(services.db, projectId, userId)) throw notFoundResource('Project');
      const image = await validateImage(file);
      const thumbnail = await makeThumbnail(image.bytes);
      const now = services.clock();
      const names = storedNames(userId, image.extension, now);
      const avatarId = services.db.transaction(() => {
        const id = insertAvatar(
          services.db,
          { userId, projectId, baseImageUrl: names.image, thumbnailUrl: names.thumbnail, fields: toFields(metadata) },
          now,
        );
        // The original exactly as it arrived: clients recognise their uploads by these bytes.
        putFile(services.db, names.image, id, { contentType: CONTENT_TYPES[image.extension] as string, bytes: image.bytes });
        putFile(services.db, names.thumbnail, id, { contentType: CONTENT_TYPES[image.extension] as string, bytes: thumbnail });
        return id;
      })();
      const { newBalance, creditUsed } = chargeCredits(
        services.db,
        { userId, appId: APP_ID, action: 'upload_avatar', amount: COSTS.uploadAvatar, metadata: { avatarId, projectId } },
        now,
      );
      const avatar = { ...findAvatar(services.db, avatarId, userId), project: findProject(services.db, projectId, userId) };
      return jsonReply(200, { message: 'Avatar uploaded successfully', avatar, creditUsed, creditBalance: newBalance });
    });
  },
};

export const uploadRoutes: readonly Route[] = [upload];
