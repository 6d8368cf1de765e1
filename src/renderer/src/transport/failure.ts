import { ErrorCode } from '../../../shared/errors';
import type { Result } from '../../../shared/result';

export const transportFailed = (message: string): Result<never> => ({
  ok: false,
  error: { code: ErrorCode.TRANSPORT_FAILED, message },
});

/** True for a well-formed `{ ok, value | error }` envelope. */
export const isResult = (value: unknown): value is Result<unknown> => {
  if (!value || typeof value !== 'object') return false;
  const envelope = value as { ok?: unknown; error?: unknown };
  if (envelope.ok === true) return 'value' in envelope;
  if (envelope.ok !== false || !envelope.error || typeof envelope.error !== 'object') return false;
  const error = envelope.error as { code?: unknown; message?: unknown };
  return typeof error.code === 'string' && typeof error.message === 'string';
};
