/**
 * The Lumiku cloud as the relay meets it (docs/sync-api.md §1): every answer is sorted into one of
 * a few outcomes, so the relay decides retry / pause / error from the kind alone.
 */
export const APP_PATH = '/api/apps/avatar-creator';

export type CloudFailure =
  | { kind: 'auth'; message: string }
  | { kind: 'credits'; balance: number | null; message: string }
  | { kind: 'rate'; retryAfterMs: number; message: string }
  /** The same request fails again: a validation 500 (string error), a 400, a 422. Never retried. */
  | { kind: 'invalid'; message: string }
  | { kind: 'notFound'; plain: boolean; message: string }
  /** Retry later. `uncertain`: the request may have been carried out (a create must be checked first). */
  | { kind: 'transient'; uncertain: boolean; message: string };

export class CloudError extends Error {
  constructor(readonly failure: CloudFailure) {
    super(failure.message);
  }
}

export interface CloudAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export interface CloudRequest {
  json?: unknown;
  form?: FormData;
  token?: string | null;
  idempotencyKey?: string;
  timeoutMs?: number;
}

const retryAfterMs = (headers: Headers, body: Record<string, unknown>): number => {
  const header = Number(headers.get('retry-after'));
  if (Number.isFinite(header) && header > 0) return header * 1000;
  const inBody = Number(body.retryAfter);
  return Number.isFinite(inBody) && inBody > 0 ? inBody * 1000 : 1000;
};

const messageOf = (body: Record<string, unknown>, status: number): string => {
  const error = body.error;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return `HTTP ${status}`;
};

export const classify = (status: number, body: Record<string, unknown>, headers: Headers): CloudFailure => {
  const message = messageOf(body, status);
  if (status === 401) return { kind: 'auth', message };
  if (status === 402) return { kind: 'credits', balance: typeof body.current === 'number' ? body.current : null, message };
  // 409 IDEMPOTENCY_IN_PROGRESS carries Retry-After: 1 and is waited out like a 429.
  if (status === 429 || status === 409) return { kind: 'rate', retryAfterMs: retryAfterMs(headers, body), message };
  if (status === 404) return { kind: 'notFound', plain: typeof body.error === 'string', message };
  // The platform's validation middleware answers 500 with a string error: the same request fails again.
  if (status === 500 && typeof body.error === 'string') return { kind: 'invalid', message };
  if (status >= 400 && status < 500) return { kind: 'invalid', message };
  return { kind: 'transient', uncertain: true, message };
};

const refused = (error: unknown): boolean => {
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
};

export class CloudClient {
  constructor(
    readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  async request(method: string, path: string, options: CloudRequest = {}): Promise<CloudAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path), { method, headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
    } catch (error) {
      // A refused connection sent nothing; anything else (cut, timeout) may have reached the server.
      throw new CloudError({ kind: 'transient', uncertain: !refused(error), message: `Cannot reach ${this.baseUrl}: ${(error as Error).message}` });
    }
    let parsed: Record<string, unknown> = {};
    try {
      const text = await response.text();
      const value: unknown = text ? JSON.parse(text) : {};
      parsed = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch (error) {
      if (response.ok) throw new CloudError({ kind: 'transient', uncertain: true, message: `Unreadable answer: ${(error as Error).message}` });
    }
    if (!response.ok) throw new CloudError(classify(response.status, parsed, response.headers));
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** Raw bytes (the original image under /uploads, served without auth). */
  async bytes(path: string): Promise<Buffer | null> {
    try {
      const response = await this.fetchImpl(this.url(path), { signal: AbortSignal.timeout(60_000) });
      return response.ok ? Buffer.from(await response.arrayBuffer()) : null;
    } catch (error) {
      throw new CloudError({ kind: 'transient', uncertain: false, message: (error as Error).message });
    }
  }
}
