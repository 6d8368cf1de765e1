import { randomUUID } from 'node:crypto';

/** What a route answers; the server writes it (or, under a fault, drops it). */
export interface Reply {
  status: number;
  /** JSON-serialisable value, or raw bytes with `contentType`. */
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export const jsonReply = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  headers ? { status, body, headers } : { status, body };

/** A refusal carried up as an exception, so the route code reads like the cloud's middleware chain. */
export class HttpFailure extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

/**
 * The cloud's handler error shape (BaseAppError.toJSON): what asyncHandler answers for errors
 * thrown inside a route handler, e.g. 404 RESOURCE_NOT_FOUND or 400 VALIDATION_ERROR.
 */
export const appErrorBody = (status: number, code: string, message: string, field?: string) => ({
  success: false,
  error: { message, code, statusCode: status, ...(field ? { field } : {}) },
  timestamp: new Date().toISOString(),
  requestId: randomUUID(),
});

export const appError = (status: number, code: string, message: string, field?: string): HttpFailure =>
  new HttpFailure(jsonReply(status, appErrorBody(status, code, message, field)));

export const notFoundResource = (resource: 'Project' | 'Avatar' | 'Preset'): HttpFailure =>
  appError(404, 'RESOURCE_NOT_FOUND', `${resource} not found`);

/** Validation inside a handler (the image checks): 400 VALIDATION_ERROR in the handler shape. */
export const handlerValidation = (message: string, field?: string): HttpFailure => appError(400, 'VALIDATION_ERROR', message, field);

/**
 * Errors thrown by the cloud's middleware reach its app.onError, which answers
 * 500 `{error: message}` whatever the error was: that is where the 500-on-validation quirk comes from.
 */
export const onErrorFailure = (message: string): HttpFailure => new HttpFailure(jsonReply(500, { error: message }));

/** A plain Error inside a handler: asyncHandler's UnhandledError, deliberately vague. */
export const unhandledReply = (): Reply =>
  jsonReply(500, appErrorBody(500, 'UNHANDLED_ERROR', 'An unexpected error occurred'));

/** The cloud's app.notFound. */
export const notFoundReply = (): Reply => jsonReply(404, { error: 'Not Found' });
