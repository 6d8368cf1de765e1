import {
  InferenceClientHubApiError,
  InferenceClientInputError,
  InferenceClientProviderApiError,
  InferenceClientProviderOutputError,
  InferenceClientRoutingError,
} from '@huggingface/inference';
import { ProviderError } from '../provider';
import { parseRetryAfter } from '../retryPolicy';
import { cleanDetail, hfMessages } from './hfMessages';
import type { HfTarget } from './hfMessages';
import { describeNetworkError } from './networkError';

export interface HfFailureContext {
  target: HfTarget;
  /** The job's own signal: aborted means the user (or shutdown) cancelled, whatever the error says. */
  callerSignal: AbortSignal;
  /** Our per-request time limit fired. */
  timedOut: boolean;
  timeoutMs: number;
  /** Retry-After of the last response, captured by the per-call fetch (the client does not expose it). */
  retryAfterHeader: string | null;
  now: number;
  token: string | null;
}

const GENERIC_CLIENT_MESSAGE = /^an HTTP error occurred/i;

const stringField = (value: unknown, key: string): string | null => {
  if (typeof value !== 'object' || value === null) return null;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.trim() !== '' ? field : null;
};

/** The service's own explanation: `{error}`, `{message}`, `{detail}`, OpenAI-style `{error:{message}}`, or text. */
const serviceDetail = (body: unknown, clientMessage: string): string | null => {
  if (typeof body === 'string' && body.trim() !== '') return body;
  const fromBody =
    stringField(body, 'error') ??
    stringField(body, 'message') ??
    stringField(body, 'detail') ??
    stringField(typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : null, 'message');
  if (fromBody) return fromBody;
  const stripped = clientMessage.replace(/^Failed to perform inference:\s*/, '');
  return GENERIC_CLIENT_MESSAGE.test(stripped) ? null : stripped;
};

const estimatedTimeMs = (body: unknown): number | null => {
  if (typeof body !== 'object' || body === null) return null;
  const value: unknown = (body as Record<string, unknown>).estimated_time;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value * 1000) : null;
};

const fromHttpError = (
  error: InferenceClientProviderApiError | InferenceClientHubApiError,
  context: HfFailureContext,
): ProviderError => {
  const { status, body } = error.httpResponse;
  const raw = serviceDetail(body, error.message);
  const detail = raw === null ? null : cleanDetail(raw, context.token);
  const { target } = context;
  const retryAfterMs = parseRetryAfter(context.retryAfterHeader, context.now);
  const options = { status, retryAfterMs, cause: error };
  if (status === 401 || status === 403) return new ProviderError('auth', hfMessages.auth(target, status, detail), options);
  if (status === 402) return new ProviderError('credits', hfMessages.credits(status, detail), options);
  if (status === 429) return new ProviderError('rate_limited', hfMessages.rateLimited(target, status, detail, retryAfterMs), options);
  const loadingMs = status === 503 ? estimatedTimeMs(body) : null;
  if (loadingMs !== null) {
    const wait = Math.max(loadingMs, retryAfterMs ?? 0);
    return new ProviderError('transient', hfMessages.loading(target, wait), { ...options, retryAfterMs: wait });
  }
  if (status === 408 || status >= 500) return new ProviderError('transient', hfMessages.serverError(target, status, detail), options);
  if (status === 404) return new ProviderError('rejected', hfMessages.notFound(target, detail), options);
  if (status >= 400) return new ProviderError('rejected', hfMessages.rejected(target, status, detail), options);
  // The Hub answered 2xx without a usable provider mapping: the model is not served anywhere.
  return new ProviderError('rejected', hfMessages.routing(detail ?? 'no inference provider serves this model.'), options);
};

/**
 * Turns anything the client (or fetch under it) throws into a ProviderError whose `failure` tells the
 * pool what to do and whose message tells the user what happened.
 */
export const classifyHfError = (error: unknown, context: HfFailureContext): ProviderError => {
  // Cancellation wins: after an abort the client may surface any error at all.
  if (context.callerSignal.aborted) return new ProviderError('cancelled', hfMessages.cancelled(), { cause: error });
  if (error instanceof ProviderError) return error;
  const { target } = context;
  if (context.timedOut) return new ProviderError('transient', hfMessages.timeout(target, context.timeoutMs), { cause: error });
  if (error instanceof InferenceClientProviderApiError || error instanceof InferenceClientHubApiError) return fromHttpError(error, context);
  if (error instanceof InferenceClientProviderOutputError) {
    return new ProviderError('bad_output', hfMessages.badOutput(target, 'something malformed'), { cause: error });
  }
  if (error instanceof InferenceClientInputError || error instanceof InferenceClientRoutingError) {
    return new ProviderError('rejected', hfMessages.routing(cleanDetail(error.message, context.token)), { cause: error });
  }
  const reason = describeNetworkError(error);
  if (reason !== null) return new ProviderError('transient', hfMessages.network(target, reason), { cause: error });
  // Unknown: retried like a network blip (a few attempts, with backoff) rather than failing a job
  // for good on something we cannot name; the attempts limit and circuit breaker bound the cost.
  // No `cause`: we cannot vouch for what an unknown error carries (undici, for one, quotes header
  // values in its messages), and a logged cause must never hold the token.
  const detail = cleanDetail(error instanceof Error ? error.message : String(error), context.token);
  return new ProviderError('transient', hfMessages.unexpected(target, detail || 'unknown error'));
};
