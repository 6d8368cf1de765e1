import { shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy, decideNavigation, externalUrlToOpen, isPermissionGranted, isTrustedSenderUrl } from './policies';

export interface HardeningOptions {
  /** The URL the window loads: `app://renderer/index.html`, or the dev server in development. */
  appUrl: string;
  devServerUrl?: string;
}

const openExternally = (url: string | null): void => {
  if (url) void shell.openExternal(url).catch(() => {});
};

/** A link to open in the user's browser (a page's window.open, a menu's help item), only if the allow-list returns it. */
export const openLinkExternally = (url: string): void => openExternally(externalUrlToOpen(url));

const hardenedSessions = new WeakSet<Session>();

/**
 * Session-wide rules: no permission is ever granted, and every http(s) response (the dev server
 * in development) carries our CSP. app:// responses set the same CSP themselves (protocols.ts).
 */
export const hardenSession = (session: Session, options: HardeningOptions): void => {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  const csp = contentSecurityPolicy(options.devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
};

/**
 * Applied to every web contents the app ever creates (from `web-contents-created`), so a
 * window added later cannot forget it: no navigation away from the app, no new windows, no
 * <webview>, and allow-listed https links open in the user's browser instead.
 */
export const hardenWebContents = (contents: WebContents, options: HardeningOptions): void => {
  hardenSession(contents.session, options);

  const guard = (event: { url: string; preventDefault(): void }): void => {
    const decision = decideNavigation(event.url, options.appUrl);
    if (decision.allow) return;
    event.preventDefault();
    openExternally(decision.openExternally);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  // The app has no iframes; should one appear (CSP already limits them to 'self'), it stays on our origin.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedSenderUrl(event.url, options.devServerUrl)) event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    openLinkExternally(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
};
