import { createHash } from 'node:crypto';
import { header, type RequestContext } from '../http/context';
import { HttpFailure, appError, appErrorBody, jsonReply, type Reply } from '../http/reply';
import type { Services } from '../services';

/** Visible ASCII, 1–255 characters: room for a UUID or a ULID with a prefix, nothing that needs escaping. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Keys sorted at every level, so the same JSON written in another order is the same request. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
};

/**
 * What "the same request" means for a key: the JSON body canonicalised, or for multipart the text
 * fields and each file's name and SHA-256 (the boundary differs on every send, so raw bytes won't do).
 */
export const fingerprintOf = (context: RequestContext): string => {
  const hash = createHash('sha256');
  const { body } = context;
  if (body.kind === 'json') {
    let parsed: unknown = body.text;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      // Not JSON: the raw text is the request.
    }
    hash.update(`json:${canonical(parsed)}`);
  } else if (body.kind === 'multipart') {
    const fields = Object.fromEntries([...body.form.fields].sort(([a], [b]) => (a < b ? -1 : 1)));
    const files = Object.fromEntries(
      [...body.form.files].map(([name, file]) => [name, { filename: file.filename, sha256: createHash('sha256').update(file.bytes).digest('hex') }]),
    );
    hash.update(`multipart:${canonical({ fields, files })}`);
  }
  return hash.digest('hex');
};

/**
 * Runs a create at most once per Idempotency-Key. Without the extension the header is ignored,
 * exactly like the cloud. The lookup comes before the rate limiter and the credit check, so a
 * replay is neither counted nor charged.
 */
export const idempotent = async (context: RequestContext, services: Services, run: () => Promise<Reply>): Promise<Reply> => {
  const key = header(context, 'idempotency-key');
  if (!services.idempotency || key === undefined) return run();
  if (!KEY_PATTERN.test(key)) {
    throw appError(400, 'VALIDATION_ERROR', 'Idempotency-Key must be 1-255 visible ASCII characters', 'Idempotency-Key');
  }
  const scope = `${context.method} ${context.path}`;
  const decision = services.idempotency.begin(context.userId as string, scope, key, fingerprintOf(context));
  if (decision.kind === 'replay') {
    context.replayed = true;
    return decision.reply;
  }
  if (decision.kind === 'conflict') {
    throw appError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request');
  }
  if (decision.kind === 'in-progress') {
    const body = appErrorBody(409, 'IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed');
    throw new HttpFailure(jsonReply(409, body, { 'Retry-After': '1' }));
  }
  try {
    const reply = await run();
    decision.finish(reply);
    return reply;
  } catch (error) {
    decision.abandon();
    throw error;
  }
};
