import type { RequestContext } from '../http/context';
import { HttpFailure, jsonReply } from '../http/reply';
import { parseJsonOrFail } from '../validation/validate';

/** The platform's prefix for this app's routes. */
export const APP_PREFIX = '/api/apps/avatar-creator';

/** avatarCreatorConfig.credits: what the platform charges (only uploads happen here). */
export const COSTS = { generateAvatar: 10, uploadAvatar: 2, fromPreset: 8, fromReference: 12, editPersona: 0 } as const;

export const APP_ID = 'avatar-creator';

/** The JSON body, or the cloud's 500 for text that is not JSON. */
export const jsonBody = (context: RequestContext): unknown => {
  const { body } = context;
  if (body.kind !== 'json') return undefined;
  if (body.tooLarge) throw new HttpFailure(jsonReply(413, { error: 'Payload Too Large' }));
  return parseJsonOrFail(body.text);
};
