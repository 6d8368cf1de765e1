import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  decideNavigation,
  externalUrlToOpen,
  isAllowedExternalUrl,
  isPermissionGranted,
  isTrustedSenderUrl,
} from '../../src/main/security/policies';
import { checkSender } from '../../src/main/security/senderCheck';

const DEV = 'http://localhost:5173';

describe('external links', () => {
  it.each([
    'https://huggingface.co/settings/tokens',
    'https://huggingface.co',
    'https://github.com/lumiku/avatar-creator/issues',
    'https://lumiku.com/pricing?plan=pro#top',
    'https://www.lumiku.com/',
  ])('opens %s in the browser', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['another site', 'https://example.com'],
    ['allowed name as a subdomain of an attacker', 'https://example.com.attacker.com'],
    ['allowed name followed by an attacker domain', 'https://huggingface.co.evil.net/x'],
    ['attacker domain ending in an allowed name', 'https://evilhuggingface.co'],
    ['subdomain not on the list', 'https://api.github.com'],
    ['userinfo trick', 'https://huggingface.co@evil.com/'],
    ['userinfo with password', 'https://user:pass@huggingface.co/'],
    ['plain http', 'http://huggingface.co'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: dressed as a host', 'javascript://huggingface.co/%0aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['the app itself', 'app://renderer/index.html'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['explicit port', 'https://github.com:8443/'],
    ['trailing dot host', 'https://github.com./'],
    ['relative URL', '/settings'],
    ['not a URL', 'huggingface.co'],
    ['empty', ''],
    ['overlong', `https://github.com/${'a'.repeat(5000)}`],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://github.com']]) expect(isAllowedExternalUrl(value)).toBe(false);
  });

  it('hands the OS the normalized URL that was checked, not the raw input', () => {
    expect(externalUrlToOpen('  https://GitHub.com/a b\n')).toBe('https://github.com/a%20b');
  });
});

describe('trusted sender origins', () => {
  it.each(['app://renderer/index.html', 'app://renderer/', 'app://renderer/assets/x.js?v=1#a'])('trusts %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true);
  });

  it.each([
    ['another https site', 'https://evil.com'],
    ['look-alike app host', 'app://renderer.evil/index.html'],
    ['other app host', 'app://evil/index.html'],
    ['app host with a port', 'app://renderer:8080/index.html'],
    ['app with userinfo', 'app://x@renderer/index.html'],
    ['file page', 'file:///work/out/renderer/index.html'],
    ['dev origin when not in dev', 'http://localhost:5173/'],
    ['about:blank', 'about:blank'],
    ['data page', 'data:text/html,hi'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
  });

  it('trusts the exact dev server origin only in dev', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173@evil.com/', DEV)).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isTrustedSenderUrl('file:///tmp/x.html', 'file:///tmp/x.html')).toBe(false);
    expect(isTrustedSenderUrl('javascript:1', 'javascript:1')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const app = { frameExists: true, isMainFrame: true, frameUrl: APP_ENTRY_URL };

  it('accepts the top frame of the app', () => {
    expect(checkSender(app)).toEqual({ trusted: true });
    expect(checkSender({ ...app, frameUrl: `${DEV}/` }, DEV)).toEqual({ trusted: true });
  });

  it.each([
    ['a destroyed frame', { frameExists: false, isMainFrame: false, frameUrl: null }],
    ['a subframe of the app', { ...app, isMainFrame: false }],
    ['a subframe from elsewhere', { frameExists: true, isMainFrame: false, frameUrl: 'https://evil.com/' }],
    ['another origin', { ...app, frameUrl: 'https://evil.com/' }],
    ['a look-alike app host', { ...app, frameUrl: 'app://renderer.evil/' }],
    ['a file: page', { ...app, frameUrl: 'file:///tmp/index.html' }],
    ['the dev origin outside dev', { ...app, frameUrl: `${DEV}/` }],
    ['a frame without a URL', { ...app, frameUrl: null }],
  ])('refuses %s with FORBIDDEN', (_label, sender) => {
    const verdict = checkSender(sender);
    expect(verdict.trusted).toBe(false);
    if (!verdict.trusted) expect(verdict.error.code).toBe('FORBIDDEN');
  });
});

describe('navigation', () => {
  it('allows reloading the loaded app document, with any query or hash', () => {
    expect(decideNavigation(APP_ENTRY_URL, APP_ENTRY_URL)).toEqual({ allow: true });
    expect(decideNavigation(`${APP_ENTRY_URL}?x=1#/projects`, APP_ENTRY_URL)).toEqual({ allow: true });
    expect(decideNavigation(`${DEV}/`, `${DEV}/`)).toEqual({ allow: true });
  });

  it.each([
    'app://renderer/other.html',
    'app://renderer.evil/index.html',
    'https://evil.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://localhost:5173/',
    'avatar-image://image/ava_000000000000000000000000/full',
    'about:blank',
  ])('keeps the app from navigating to %s', (url) => {
    expect(decideNavigation(url, APP_ENTRY_URL)).toEqual({ allow: false, openExternally: null });
  });

  it('sends an allow-listed https link to the browser instead of navigating', () => {
    expect(decideNavigation('https://huggingface.co/settings/tokens', APP_ENTRY_URL)).toEqual({
      allow: false,
      openExternally: 'https://huggingface.co/settings/tokens',
    });
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'openExternal',
    'pointerLock',
    'midiSysex',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'unknown',
  ])('denies %s', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });
});

describe('content security policy', () => {
  const directive = (csp: string, name: string): string[] =>
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .find(([key]) => key === name)
      ?.slice(1) ?? [];

  it('allows only the app itself to run code in a build', () => {
    const csp = contentSecurityPolicy();
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(directive(csp, 'default-src')).toEqual(["'self'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(csp, 'form-action')).toEqual(["'none'"]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'avatar-image:', 'data:', 'blob:']);
  });

  it('opens up for the dev server and its HMR socket only in dev', () => {
    const csp = contentSecurityPolicy(DEV);
    expect(directive(csp, 'script-src')).toContain(DEV);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", DEV, 'ws://localhost:5173']);
    expect(directive(csp, 'script-src')).not.toContain("'unsafe-eval'");
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
  });

  it('treats a dev server URL that is not http(s) as no dev server', () => {
    expect(contentSecurityPolicy('javascript:alert(1)')).toBe(contentSecurityPolicy());
  });
});
