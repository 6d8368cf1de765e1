import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Library } from '../main/core';
import { AppError, ErrorCode } from '../shared/errors';
import type { CommandName } from '../shared/names';
import { decodeWire } from '../shared/wire';
import type { AccessPolicy } from './access';
import { UPLOAD_COMMANDS, bodyLimitFor, type BridgeLimits } from './limits';
import { sendRateLimited, type RateLimiter } from './rateLimit';
import { readBody } from './readBody';
import { sendError, sendJson } from './respond';

export interface InvokeRoute {
  library: Library;
  access: AccessPolicy;
  limits: BridgeLimits;
  limiter: RateLimiter;
  /** Upload bodies being read right now, shared by every request of this bridge. */
  uploads: { inFlight: number };
}

/** A refused upload slot frees quickly (one upload takes well under a second), so "try again in 1 s" is honest. */
const UPLOAD_BUSY_RETRY_MS = 1000;

/** A malformed escape (a lone `%`) is no command name: the router answers UNKNOWN_COMMAND, as for any other. */
const decodeCommand = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

/**
 * POST /api/invoke/<command>. Cheap refusals first (method, budget, token), so a flood costs
 * no body reads; then a body limit chosen by the command, then the shared router.
 */
export const handleInvoke = async (route: InvokeRoute, request: IncomingMessage, response: ServerResponse, rawCommand: string): Promise<void> => {
  const { library, access, limits, limiter, uploads } = route;
  if (request.method !== 'POST') return sendError(response, 405, { code: ErrorCode.VALIDATION_FAILED, message: 'Use POST.' });
  const authorized = access.apiAuthorized(request);
  const budget = limiter.take(authorized ? 'commands' : 'anonymous');
  if (!budget.ok) return sendRateLimited(response, budget.retryAfterMs);
  if (!authorized) return sendError(response, 401, { code: ErrorCode.FORBIDDEN, message: 'Missing or wrong token.' });

  const command = decodeCommand(rawCommand);
  const isUpload = UPLOAD_COMMANDS.has(command as CommandName);
  if (isUpload && uploads.inFlight >= limits.uploadsInFlight) return sendRateLimited(response, UPLOAD_BUSY_RETRY_MS);

  if (isUpload) uploads.inFlight += 1;
  let input: unknown;
  try {
    const body = await readBody(request, bodyLimitFor(limits, command));
    input = body === '' ? {} : decodeWire(body);
  } catch (error) {
    if (error instanceof AppError) {
      // The client may still be sending; closing after the answer stops it without losing the 413.
      response.setHeader('Connection', 'close');
      return sendError(response, 413, error.toShape());
    }
    return sendError(response, 400, { code: ErrorCode.VALIDATION_FAILED, message: 'The request body is not valid JSON.' });
  } finally {
    if (isUpload) uploads.inFlight -= 1;
  }
  // Envelopes travel with 200: the error is in the body, exactly as over IPC.
  sendJson(response, 200, await library.router.invoke(command, input, { shell: 'web' }));
};
