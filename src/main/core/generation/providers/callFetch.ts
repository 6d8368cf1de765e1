/**
 * A fetch made for one generate() call and handed to the client as `options.fetch`. It sees every
 * request the client makes for that call, which lets us do three things the client does not:
 * remember Retry-After (its errors drop response headers), tell when the inference request goes
 * out, and make the Hub look-up abortable (the client sends that one without our signal).
 * Everything it learns lives in this closure, so concurrent calls never share state.
 */
export interface CallFetch {
  fetch: typeof fetch;
  /** Retry-After of the most recent response, i.e. of the one that failed. */
  retryAfter(): string | null;
}

const methodOf = (input: Parameters<typeof fetch>[0], init: RequestInit | undefined): string =>
  (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();

export const createCallFetch = (options: {
  base: typeof fetch;
  signal: AbortSignal;
  /** Called once, when the inference request (the client's only POST) is handed to fetch. */
  onInferenceSent: () => void;
}): CallFetch => {
  let retryAfter: string | null = null;
  let sent = false;
  const callFetch: typeof fetch = async (input, init) => {
    if (!sent && methodOf(input, init) === 'POST') {
      sent = true;
      options.onInferenceSent();
    }
    const response = await options.base(input, { ...init, signal: init?.signal ?? options.signal });
    retryAfter = response.headers.get('retry-after');
    return response;
  };
  return { fetch: callFetch, retryAfter: () => retryAfter };
};
