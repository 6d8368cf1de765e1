import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Library } from '../main/core';
import { ErrorCode } from '../shared/errors';
import { TOKEN_COOKIE, createAccessPolicy, type AccessPolicy } from './access';
import { EVENTS_PATH, attachEventSocket } from './eventSocket';
import { handleInvoke, type InvokeRoute } from './invokeRoute';
import { BRIDGE_LIMITS, type BridgeLimits } from './limits';
import { createRateLimiter, sendRateLimited, type RateLimiter } from './rateLimit';
import { sendError, sendFile } from './respond';
import { applySecurityHeaders } from './securityHeaders';
import { resolveStaticFile } from './staticFiles';

const INVOKE_PREFIX = '/api/invoke/';
const IMAGES_PREFIX = '/images';

export interface WebBridgeOptions {
  library: Library;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Budgets and sizes; BRIDGE_LIMITS unless a test wants them tiny. */
  limits?: Partial<BridgeLimits>;
  /** Monotonic milliseconds for the rate limiter; tests step it by hand. */
  now?: () => number;
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
  limiter: RateLimiter;
}

const handlePage = async ({ library, rendererDir, access, limiter }: Route, request: IncomingMessage, response: ServerResponse, url: URL) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, { code: ErrorCode.VALIDATION_FAILED, message: 'Use GET.' });
  const authorized = access.pageAuthorized(request, url);
  const budget = limiter.take(authorized ? 'pages' : 'anonymous');
  if (!budget.ok) return sendRateLimited(response, budget.retryAfterMs);
  if (!authorized) {
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

/** An absolute-form target with a broken host (`GET http://[ HTTP/1.1`) must not throw in the handler. */
const parseTarget = (request: IncomingMessage): URL | null => {
  try {
    return new URL(request.url ?? '/', `http://${request.headers.host}`);
  } catch {
    return null;
  }
};

/** Serves the built renderer, the router and the event stream on 127.0.0.1 only, behind a per-run token. */
export const startWebBridge = async (options: WebBridgeOptions): Promise<WebBridge> => {
  const { library, rendererDir, port = 0, token = randomBytes(24).toString('base64url'), now = () => performance.now() } = options;
  const limits: BridgeLimits = { ...BRIDGE_LIMITS, ...options.limits };
  let boundPort = port;
  const access = createAccessPolicy(token, () => boundPort);
  const limiter = createRateLimiter(limits, now);
  const route: Route = { library, rendererDir, access, limiter };
  const invokeRoute: InvokeRoute = { library, access, limits, limiter, uploads: { inFlight: 0 } };

  const server = createServer((request, response) => {
    applySecurityHeaders(response, boundPort);
    if (!access.hostAllowed(request)) return sendError(response, 421, { code: ErrorCode.FORBIDDEN, message: 'Unknown host.' });
    if (!access.originAllowed(request)) return sendError(response, 403, { code: ErrorCode.FORBIDDEN, message: 'Requests from other origins are refused.' });
    const url = parseTarget(request);
    if (!url) return sendError(response, 400, { code: ErrorCode.VALIDATION_FAILED, message: 'Bad request target.' });
    const work = url.pathname.startsWith(INVOKE_PREFIX)
      ? handleInvoke(invokeRoute, request, response, url.pathname.slice(INVOKE_PREFIX.length))
      : url.pathname === EVENTS_PATH
        ? Promise.resolve(sendError(response, 426, { code: ErrorCode.VALIDATION_FAILED, message: 'Connect with a WebSocket.' }))
        : handlePage(route, request, response, url);
    work.catch(() => {
      if (!response.headersSent) sendError(response, 500, { code: ErrorCode.INTERNAL, message: 'The bridge failed to answer.' });
      else response.destroy();
    });
  });
  server.requestTimeout = 120_000;
  const detachEvents = attachEventSocket(server, library, { access, limiter, limits });

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
