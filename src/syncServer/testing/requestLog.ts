/**
 * Every request the server saw, for assertions such as "nothing was sent before Retry-After"
 * (compare a 429's respondedAt plus its Retry-After with the next receivedAt) and "one create".
 * Times are the server clock's milliseconds. Connections refused while down never appear.
 */
export type RequestOutcome = 'pending' | 'answered' | 'replayed' | 'faulted' | 'dropped' | 'aborted';

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  /** From a valid token, or (for requests a fault answered) the token's unverified claim. */
  userId: string | null;
  idempotencyKey: string | null;
  receivedAt: number;
  respondedAt: number | null;
  /** The status answered, or for a dropped answer the status that was never sent. */
  status: number | null;
  retryAfter: string | null;
  outcome: RequestOutcome;
}

export interface RequestLog {
  /** A copy, oldest first. */
  list(): LoggedRequest[];
  /** Only requests matching method and path (exact string or RegExp). */
  matching(method: string | undefined, path?: string | RegExp): LoggedRequest[];
  last(): LoggedRequest | undefined;
  clear(): void;
  /** Internal: the server's side. */
  open(entry: Omit<LoggedRequest, 'seq' | 'respondedAt' | 'status' | 'retryAfter' | 'outcome' | 'userId'>): LoggedRequest;
}

export const pathMatches = (pattern: string | RegExp | undefined, path: string): boolean =>
  pattern === undefined || (typeof pattern === 'string' ? pattern === path : pattern.test(path));

export const createRequestLog = (): RequestLog => {
  let entries: LoggedRequest[] = [];
  let seq = 0;
  return {
    list: () => entries.map((entry) => ({ ...entry })),
    matching: (method, path) =>
      entries.filter((entry) => (!method || entry.method === method) && pathMatches(path, entry.path)).map((entry) => ({ ...entry })),
    last: () => {
      const entry = entries.at(-1);
      return entry && { ...entry };
    },
    clear: () => {
      entries = [];
    },
    open: (entry) => {
      seq += 1;
      const logged: LoggedRequest = { ...entry, seq, userId: null, respondedAt: null, status: null, retryAfter: null, outcome: 'pending' };
      entries.push(logged);
      return logged;
    },
  };
};
