/**
 * Security policies of the Electron shell as pure functions: no `electron` import, so every
 * rule is tested in plain Node with hostile input. hardenWebContents.ts only applies them.
 */

/** The renderer is served from `app://renderer/…` in production (never from file: URLs). */
export const APP_SCHEME = 'app' as const;
export const APP_HOST = 'renderer' as const;
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html` as const;

/**
 * Where links in the app may lead, opened in the user's browser. Exact host names: a suffix
 * or prefix match would let `huggingface.co.evil.net` through.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'huggingface.co',
  'lumiku.com',
  'www.lumiku.com',
  'github.com',
]);

/** The OS hands the URL to another program; there is no reason to pass it megabytes. */
const MAX_EXTERNAL_URL_LENGTH = 2048;

const parseUrl = (value: unknown): URL | null => {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

const hasUserInfo = (url: URL): boolean => url.username !== '' || url.password !== '';

/**
 * The normalized URL to give to `shell.openExternal`, or null when the link must not leave
 * the app. The normalized form is what was checked, so it is also what gets opened.
 */
export const externalUrlToOpen = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.length > MAX_EXTERNAL_URL_LENGTH) return null;
  const url = parseUrl(value);
  if (!url || url.protocol !== 'https:' || hasUserInfo(url) || url.port !== '') return null;
  return EXTERNAL_HOSTS.has(url.hostname) ? url.href : null;
};

export const isAllowedExternalUrl = (value: unknown): boolean => externalUrlToOpen(value) !== null;

/** The dev server origin only when it is a plain http(s) origin; anything else means "not in dev". */
const devOrigin = (devServerUrl: string | undefined): URL | null => {
  const dev = parseUrl(devServerUrl);
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:') || hasUserInfo(dev)) return null;
  return dev;
};

/**
 * Whether a page at `value` is our renderer: `app://renderer` exactly, or in development the
 * exact origin of the electron-vite dev server. `app:` is not a special scheme for Node's URL
 * parser, so its origin is opaque and the host is compared instead.
 */
export const isTrustedSenderUrl = (value: unknown, devServerUrl?: string): boolean => {
  const url = parseUrl(value);
  if (!url || hasUserInfo(url)) return false;
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  const dev = devOrigin(devServerUrl);
  return dev !== null && url.origin === dev.origin;
};

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | null };

/**
 * The app is a single page: the only navigation allowed is to the document already loaded
 * (a reload, a different query or hash). Everything else stays in the app, except allow-listed
 * https links, which go to the user's browser instead.
 */
export const decideNavigation = (targetUrl: string, appUrl: string): NavigationDecision => {
  const target = parseUrl(targetUrl);
  const app = parseUrl(appUrl);
  const sameDocument =
    target !== null &&
    app !== null &&
    !hasUserInfo(target) &&
    target.protocol === app.protocol &&
    target.host === app.host &&
    target.pathname === app.pathname;
  return sameDocument ? { allow: true } : { allow: false, openExternally: externalUrlToOpen(targetUrl) };
};

/**
 * Browser permissions the app grants. None: it needs no camera, microphone, location,
 * notifications through the web API, clipboard reads or device access, so a compromised
 * renderer gets none of them either.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set();

export const isPermissionGranted = (permission: string): boolean => GRANTED_PERMISSIONS.has(permission);

const PRODUCTION_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'avatar-image:', 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * The Content-Security-Policy of every renderer response. In development the Vite dev server
 * needs its origin and HMR web socket, an inline React Refresh preamble and injected <style>
 * tags; none of that is ever allowed in a build, where `devServerUrl` is undefined.
 */
export const contentSecurityPolicy = (devServerUrl?: string): string => {
  const directives: Record<string, string[]> = Object.fromEntries(
    Object.entries(PRODUCTION_CSP).map(([name, sources]) => [name, [...sources]]),
  );
  const dev = devOrigin(devServerUrl);
  if (dev) {
    const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
    directives['script-src']!.push(dev.origin, "'unsafe-inline'");
    directives['style-src']!.push(dev.origin, "'unsafe-inline'");
    directives['img-src']!.push(dev.origin);
    directives['connect-src']!.push(dev.origin, socket);
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
};
