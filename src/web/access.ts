import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-avatar-token';
export const TOKEN_COOKIE = 'avatar_creator_token';

const sameSecret = (given: string | undefined | null, expected: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const cookieValue = (request: IncomingMessage, name: string): string | undefined => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
};

export interface AccessPolicy {
  /** Host header is ours: defeats DNS rebinding, where evil.example resolves to 127.0.0.1. */
  hostAllowed(request: IncomingMessage): boolean;
  /** No Origin (curl, a top-level navigation) or exactly ours; a page on any other origin is refused. */
  originAllowed(request: IncomingMessage): boolean;
  /** API calls: the token in a header, which another origin cannot set without a CORS preflight we never grant. */
  apiAuthorized(request: IncomingMessage): boolean;
  /** Page loads, assets, images and the event socket: the token in the query (the printed URL) or our cookie. */
  pageAuthorized(request: IncomingMessage, url: URL): boolean;
  tokenFromQuery(url: URL): boolean;
}

export const createAccessPolicy = (token: string, port: () => number): AccessPolicy => {
  const hosts = () => new Set([`127.0.0.1:${port()}`, `localhost:${port()}`]);
  return {
    hostAllowed: (request) => hosts().has(request.headers.host ?? ''),
    originAllowed: (request) => {
      const origin = request.headers.origin;
      if (origin === undefined) return true;
      return [...hosts()].some((host) => origin === `http://${host}`);
    },
    apiAuthorized: (request) => {
      const header = request.headers[TOKEN_HEADER];
      return sameSecret(Array.isArray(header) ? header[0] : header, token);
    },
    pageAuthorized: (request, url) => sameSecret(url.searchParams.get('token'), token) || sameSecret(cookieValue(request, TOKEN_COOKIE), token),
    tokenFromQuery: (url) => sameSecret(url.searchParams.get('token'), token),
  };
};
