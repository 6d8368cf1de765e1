/**
 * Recognises "the network failed" in what Node's fetch (undici) throws. The useful detail hides in
 * the cause chain: `TypeError: fetch failed` → SocketError / Error with a `code`, sometimes wrapped
 * in an AggregateError when a host has several addresses.
 */

const REASONS = {
  refused: 'the connection was refused',
  dns: 'the host name could not be resolved (is this computer offline?)',
  dropped: 'the connection was dropped before an answer arrived',
  timedOut: 'the connection timed out',
  other: 'the connection failed',
} as const;

const CODE_REASONS: Readonly<Record<string, keyof typeof REASONS>> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNRESET: 'dropped',
  EPIPE: 'dropped',
  ECONNABORTED: 'dropped',
  UND_ERR_SOCKET: 'dropped',
  UND_ERR_CLOSED: 'dropped',
  ERR_STREAM_PREMATURE_CLOSE: 'dropped',
  ETIMEDOUT: 'timedOut',
  UND_ERR_CONNECT_TIMEOUT: 'timedOut',
  UND_ERR_HEADERS_TIMEOUT: 'timedOut',
  UND_ERR_BODY_TIMEOUT: 'timedOut',
  ENETUNREACH: 'other',
  EHOSTUNREACH: 'other',
  ENETDOWN: 'other',
};

const MESSAGE_REASONS: ReadonlyArray<readonly [RegExp, keyof typeof REASONS]> = [
  [/socket hang up|premature close|other side closed|^terminated$/i, 'dropped'],
  [/ECONNREFUSED/, 'refused'],
  [/ECONNRESET/, 'dropped'],
  [/ENOTFOUND|EAI_AGAIN/, 'dns'],
  [/ETIMEDOUT/, 'timedOut'],
  // undici's umbrella message: the cause (if any) is more specific, so this one is checked last.
  [/^fetch failed$/, 'other'],
];

const errorsInChain = (error: unknown): Error[] => {
  const found: Error[] = [];
  const pending: unknown[] = [error];
  // Bounded: cause chains can in principle be cyclic.
  while (pending.length > 0 && found.length < 16) {
    const next = pending.shift();
    if (!(next instanceof Error) || found.includes(next)) continue;
    found.push(next);
    pending.push(next.cause);
    if (next instanceof AggregateError) pending.push(...(next.errors as unknown[]));
  }
  return found;
};

const codeOf = (error: Error): string | null => {
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
};

/** A plain-words reason when `error` is a network failure, else null. */
export const describeNetworkError = (error: unknown): string | null => {
  const chain = errorsInChain(error);
  for (const item of chain) {
    const reason = CODE_REASONS[codeOf(item) ?? ''];
    if (reason) return REASONS[reason];
  }
  for (const [pattern, reason] of MESSAGE_REASONS) {
    if (chain.some((item) => pattern.test(item.message))) return REASONS[reason];
  }
  return chain.some((item) => codeOf(item)?.startsWith('UND_ERR_')) ? REASONS.other : null;
};
