import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Library } from '../main/core';
import { AppError, ErrorCode } from '../shared/errors';
import { decodeWire } from '../shared/wire';
import { TOKEN_COOKIE, createAccessPolicy, type AccessPolicy } from './access';
import { EVENTS_PATH, attachEventSocket } from './eventSocket';
import { readBody } from './readBody';
import { sendError, sendFile, sendJson } from './respond';
import { applySecurityHeaders } from './securityHeaders';
import { resolveStaticFile } from './staticFiles';

/** Base64 makes a 10 MB image about 13.4 MB of JSON; a little headroom above that, and no more. */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
const INVOKE_PREFIX = '/api/invoke/';
const IMAGES_PREFIX = '/images';

export interface WebBridgeOptions {
  library: Library;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebBridge {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

interface Route {
  library: Library;
  rendererDir: string;
  access: AccessPolicy;
}

const handleInvoke = async ({ library, access }: Route, request: IncomingMessage, response: ServerResponse, command: string) => {
  if (request.method !== 'POST') return sendError(response, 405, { code: ErrorCode.VALIDATION_FAILED, message: 'Use POST.' });
  if (!access.apiAuthorized(request)) return sendError(response, 401, { code: ErrorCode.FORBIDDEN, message: 'Missing or wrong token.' });
  let input: unknown;
  try {
    const body = await readBody(request, MAX_REQUEST_BYTES);
    input = body === '' ? {} : decodeWire(body);
  } catch (error) {
    if (error instanceof AppError) return sendError(response, 413, error.toShape());
    return sendError(response, 400, { code: ErrorCode.VALIDATION_FAILED, message: 'The request body is not valid JSON.' });
  }
  // Envelopes travel with 200: the error is in the body, exactly as over IPC.
  sendJson(response, 200, await library.router.invoke(decodeURIComponent(command), input, { shell: 'web' }));
};

const handlePage = async ({ library, rendererDir, access }: Route, request: IncomingMessage, response: ServerResponse, url: URL) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, { code: ErrorCode.VALIDATION_FAILED, message: 'Use GET.' });
  if (!access.pageAuthorized(request, url)) {
    response.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
    return response.end('Open the full URL printed by `npm run web`: it carries this run’s access token.');
  }
  if (access.tokenFromQuery(url)) {
    // Lets assets, images and reloads authenticate without putting the token in every URL.
    response.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${url.searchParams.get('token')}; HttpOnly; SameSite=Strict; Path=/`);
  }
  if (url.pathname.startsWith(`${IMAGES_PREFIX}/`)) {
    const image = await library.resolveImage(url.pathname.slice(IMAGES_PREFIX.length));
    if (!image) return sendError(response, 404, { code: ErrorCode.NOT_FOUND, message: 'No such image.' });
    // An avatar's image never changes for its id.
    return sendFile(response, image.file, image.mimeType, 'private, max-age=31536000, immutable');
  }
  const file = await resolveStaticFile(rendererDir, url.pathname);
  if (!file) return sendError(response, 404, { code: ErrorCode.NOT_FOUND, message: 'Not found.' });
  sendFile(response, file.file, file.contentType, file.cacheControl);
};

/** Serves the built renderer, the router and the event stream on 127.0.0.1 only, behind a per-run token. */
export const startWebBridge = async ({ library, rendererDir, port = 0, token = randomBytes(24).toString('base64url') }: WebBridgeOptions): Promise<WebBridge> => {
  let boundPort = port;
  const access = createAccessPolicy(token, () => boundPort);
  const route: Route = { library, rendererDir, access };

  const server = createServer((request, response) => {
    applySecurityHeaders(response, boundPort);
    if (!access.hostAllowed(request)) return sendError(response, 421, { code: ErrorCode.FORBIDDEN, message: 'Unknown host.' });
    if (!access.originAllowed(request)) return sendError(response, 403, { code: ErrorCode.FORBIDDEN, message: 'Requests from other origins are refused.' });
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    const work = url.pathname.startsWith(INVOKE_PREFIX)
      ? handleInvoke(route, request, response, url.pathname.slice(INVOKE_PREFIX.length))
      : url.pathname === EVENTS_PATH
        ? Promise.resolve(sendError(response, 426, { code: ErrorCode.VALIDATION_FAILED, message: 'Connect with a WebSocket.' }))
        : handlePage(route, request, response, url);
    work.catch(() => {
      if (!response.headersSent) sendError(response, 500, { code: ErrorCode.INTERNAL, message: 'The bridge failed to answer.' });
      else response.destroy();
    });
  });
  server.requestTimeout = 120_000;
  const detachEvents = attachEventSocket(server, library, access);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${boundPort}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        detachEvents();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
