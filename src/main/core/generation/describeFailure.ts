import { AppError, ErrorCode, type AppErrorShape } from '../../../shared/errors';
import { ProviderError } from './provider';

export type FailureVerdict =
  | { action: 'retry'; error: AppErrorShape; retryAfterMs: number | null; rateLimited: boolean }
  | { action: 'pause' | 'fail' | 'internal'; error: AppErrorShape };

/** What the pool does about a failed run, and the human-readable message the job keeps. */
const describe = (error: unknown): FailureVerdict => {
  if (error instanceof ProviderError) {
    const shape = (code: AppErrorShape['code']): AppErrorShape => ({ code, message: error.message });
    switch (error.failure) {
      case 'auth':
        // No HTTP status: the token never left the app (missing, unreadable, malformed).
        return { action: 'pause', error: shape(error.status === null ? ErrorCode.TOKEN_MISSING : ErrorCode.PROVIDER_AUTH) };
      case 'credits':
        return { action: 'pause', error: shape(ErrorCode.PROVIDER_CREDITS) };
      case 'rate_limited':
        return { action: 'retry', error: shape(ErrorCode.PROVIDER_RATE_LIMITED), retryAfterMs: error.retryAfterMs, rateLimited: true };
      case 'transient':
      case 'cancelled':
        // An abort we did not ask for (a timeout, a dropped socket) is the network's doing.
        return { action: 'retry', error: shape(ErrorCode.PROVIDER_UNAVAILABLE), retryAfterMs: error.retryAfterMs, rateLimited: false };
      case 'bad_output':
        return { action: 'fail', error: shape(ErrorCode.PROVIDER_BAD_OUTPUT) };
      case 'rejected':
        return { action: 'fail', error: shape(ErrorCode.PROVIDER_REJECTED) };
    }
  }
  if (error instanceof AppError) return { action: 'fail', error: error.toShape() };
  return { action: 'internal', error: { code: ErrorCode.INTERNAL, message: 'The generation failed unexpectedly; the details are in the log.' } };
};

export const describeFailure = Object.assign(describe, {
  unknownProvider: (kind: string): AppError =>
    new AppError(ErrorCode.INVALID_STATE, `This job asks for the "${kind}" provider, which this version of Avatar Creator does not have.`),
});
