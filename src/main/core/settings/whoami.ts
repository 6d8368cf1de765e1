import { AppError, ErrorCode } from '../../../shared/errors';
import { describeNetworkError } from '../generation/providers/networkError';

export const WHOAMI_URL = 'https://huggingface.co/api/whoami-v2';
const TIMEOUT_MS = 15_000;

export type WhoamiAnswer = { valid: true; account: string | null } | { valid: false };

const accountOf = (body: unknown): string | null => {
  if (typeof body !== 'object' || body === null) return null;
  const name: unknown = (body as { name?: unknown }).name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 100) : null;
};

/**
 * Asks the Hub who the token belongs to. 200: valid (with the account name); 401: refused. Anything
 * else says nothing about the token, so it is an error and the caller keeps what it knew. Messages
 * are built from the status and our own words only: nothing the network sent back is quoted.
 */
export const askWhoami = async (token: string, fetchImpl: typeof fetch): Promise<WhoamiAnswer> => {
  let response: Response;
  try {
    response = await fetchImpl(WHOAMI_URL, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const reason = timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : (describeNetworkError(error) ?? 'the request failed');
    throw new AppError(ErrorCode.PROVIDER_UNAVAILABLE, `Could not reach Hugging Face to check the token: ${reason}.`);
  }
  if (response.status === 401) {
    await response.body?.cancel();
    return { valid: false };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new AppError(ErrorCode.PROVIDER_UNAVAILABLE, `Hugging Face could not check the token right now (HTTP ${response.status}). Try again later.`);
  }
  return { valid: true, account: accountOf(await response.json().catch(() => null)) };
};
