import type { IncomingHttpHeaders } from 'node:http';
import type { MultipartForm } from './multipart';
import type { Reply } from './reply';
import type { Services } from '../services';

export type BodyKind = 'none' | 'json' | 'multipart';

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; text: string; tooLarge: boolean }
  | { kind: 'multipart'; form: MultipartForm };

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: RequestBody;
  /** Set once the bearer token checks out. */
  userId: string | null;
  /** Headers every answer to this request carries (the rate limiter's, as the cloud sets them before the handler). */
  responseHeaders: Record<string, string>;
  /** The extension answered from its Idempotency-Key store. */
  replayed: boolean;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with :name segments. */
  pattern: string;
  body: BodyKind;
  handle(context: RequestContext, services: Services): Promise<Reply>;
}

export const header = (context: RequestContext, name: string): string | undefined => {
  const value = context.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};
