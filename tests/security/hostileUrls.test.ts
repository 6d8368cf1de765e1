import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  EXTERNAL_HOSTS,
  decideNavigation,
  externalUrlToOpen,
  isPermissionGranted,
  isTrustedSenderUrl,
} from '../../src/main/security/policies';
import { checkSender } from '../../src/main/security/senderCheck';

/**
 * Hostile URLs against the three URL policies, beyond the cases in tests/main/policies.test.ts:
 * case and whitespace games, look-alike and encoded hosts, userinfo, and random input. What must
 * hold: nothing but an allow-listed https URL ever leaves the app, always in its parsed form.
 */
const HOSTILE = [
  // Look-alikes of allowed names.
  'https://example.com.attacker.com',
  'https://huggingface.co.attacker.com/settings/tokens',
  'https://attacker.com/huggingface.co',
  'https://attacker.com?https://huggingface.co',
  'https://attacker.com#huggingface.co',
  'https://huggingface.co-attacker.com',
  'https://huggingfacexco',
  // Userinfo: the part before @ is not the host.
  'https://example.com@attacker.com',
  'https://huggingface.co@attacker.com',
  'https://huggingface.co:443@attacker.com',
  'https://huggingface.co%40attacker.com',
  'https://@attacker.com',
  'https://user@huggingface.co/',
  'https://:pass@github.com/',
  // Other schemes, any case, with whitespace and control characters the parser strips.
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  ' javascript:alert(1)',
  '\tjava\nscript:alert(1)',
  'javascript://github.com/%0Aalert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'FILE:///C:/Windows/win.ini',
  'file://huggingface.co/etc/passwd',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'blob:https://huggingface.co/0b2c8e0e-1111-2222-3333-444455556666',
  'ftp://huggingface.co/',
  'ws://github.com/',
  'wss://github.com/',
  'http://huggingface.co/settings/tokens',
  'HTTP://GITHUB.COM/',
  'http://example.com@attacker.com',
  'app://renderer/index.html',
  'avatar-image://image/ava_000000000000000000000000/full',
  'smb://attacker.com/share',
  'ms-msdt:/id PCWDiagnostic /skip force',
  // IDN and punycode: a Cyrillic а, a homograph in punycode, an encoded NUL in the host.
  'https://huggingfаce.co/',
  'https://xn--huggingfce-6qi.co/',
  'https://xn--github-9ua.com/',
  'https://huggingface.co%00.attacker.com',
  // Hosts that are addresses, ports, trailing dots, empty.
  'https://127.0.0.1/',
  'https://[::1]/',
  'https://0x7f.1/',
  'https://github.com:444/',
  'https://github.com./',
  'https://',
  '//github.com/',
  '',
  ' ',
] as const;

/** Written oddly, but parsing makes each one an allow-listed https URL; what is opened is the parsed form. */
const NORMALIZED = [
  ['HTTPS://HUGGINGFACE.CO/settings/tokens', 'https://huggingface.co/settings/tokens'],
  ['  https://github.com  ', 'https://github.com/'],
  ['\nhttps://github.com/a\tb', 'https://github.com/ab'],
  ['https://ｈｕｇｇｉｎｇｆａｃｅ.co/', 'https://huggingface.co/'],
  ['https://github。com/', 'https://github.com/'],
  ['https://github%2ecom/', 'https://github.com/'],
  ['https://huggingface.co\\@attacker.com', 'https://huggingface.co/@attacker.com'],
  ['https://github.com#@attacker.com', 'https://github.com/#@attacker.com'],
  ['https://huggingface.co:443/', 'https://huggingface.co/'],
  ['https:github.com', 'https://github.com/'],
  ['https:///github.com', 'https://github.com/'],
] as const;

/** What every URL handed to the OS must be: https, an exact allowed host, no userinfo or port, already normalized. */
const expectSafeToOpen = (opened: string): void => {
  const url = new URL(opened);
  expect(url.protocol).toBe('https:');
  expect(EXTERNAL_HOSTS.has(url.hostname)).toBe(true);
  expect([url.username, url.password, url.port]).toEqual(['', '', '']);
  expect(url.href).toBe(opened);
};

describe('shell.openExternal allow-list', () => {
  it.each(HOSTILE)('refuses %j', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });

  it.each(NORMALIZED)('opens %j as the parsed %s', (raw, parsed) => {
    expect(externalUrlToOpen(raw)).toBe(parsed);
    expectSafeToOpen(parsed);
  });

  it('never returns anything unsafe to open, for any string or URL-shaped input', () => {
    const hosts = fc.constantFrom(...EXTERNAL_HOSTS, 'attacker.com', 'huggingface.co.attacker.com', 'xn--github-9ua.com', '127.0.0.1');
    const urlish = fc
      .tuple(fc.constantFrom('https', 'HTTPS', 'http', 'javascript', 'file', 'data', 'app', ' https', 'hTTps'), fc.constantFrom('://', ':', ':///', '://user@', '://a:b@'), hosts, fc.string(), fc.webPath())
      .map(([scheme, separator, host, junk, rest]) => `${scheme}${separator}${host}${junk}${rest}`);
    fc.assert(
      fc.property(fc.oneof(urlish, fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string({ unit: 'binary' })), (value) => {
        const opened = externalUrlToOpen(value);
        if (opened !== null) {
          expectSafeToOpen(opened);
          // Checking the result again changes nothing: what was checked is what gets opened.
          expect(externalUrlToOpen(opened)).toBe(opened);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('navigation', () => {
  // The app's own document is hostile only as an external link; reloading it is allowed.
  const AWAY = HOSTILE.filter((url) => url !== APP_ENTRY_URL);

  it.each(AWAY)('keeps the app window from navigating to %j', (url) => {
    expect(decideNavigation(url, APP_ENTRY_URL)).toEqual({ allow: false, openExternally: null });
  });

  it.each([
    'app://renderer/other.html',
    'app://renderer/index.html/../secret',
    'app://renderer/assets/../../index.html.evil',
    'app://renderer/index.html%2F..',
    'app://RENDERER/index.html',
    'app://renderer.attacker.com/index.html',
    'app://attacker@renderer/index.html',
    'app://renderer:1/index.html',
    'APP://evil/index.html',
  ])('treats %j as leaving the app', (url) => {
    expect(decideNavigation(url, APP_ENTRY_URL).allow).toBe(false);
  });

  it('only ever allows the loaded document, and only ever hands out a safe external URL', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom(...HOSTILE, ...NORMALIZED.map(([raw]) => raw))), (target) => {
        const decision = decideNavigation(target, APP_ENTRY_URL);
        if (decision.allow) {
          const url = new URL(target);
          expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(APP_ENTRY_URL);
        } else if (decision.openExternally !== null) expectSafeToOpen(decision.openExternally);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('IPC sender origin', () => {
  it.each(HOSTILE.filter((url) => url !== APP_ENTRY_URL))('does not trust a frame at %j', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
    expect(checkSender({ frameExists: true, isMainFrame: true, frameUrl: url })).toMatchObject({ trusted: false, error: { code: 'FORBIDDEN' } });
  });

  it('trusts nothing outside app://renderer, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string()), (url) => {
        if (isTrustedSenderUrl(url)) expect(new URL(url).host).toBe('renderer');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('permissions', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'MEDIA', 'media ', 'clipboard-sanitized-write', 'window-management', 'local-fonts', 'storage-access', 'top-level-storage-access', 'speaker-selection', 'idle-detection', 'keyboardLock', 'mediaKeySystem', 'persistent-storage'])(
    'denies %j',
    (permission) => {
      expect(isPermissionGranted(permission)).toBe(false);
    },
  );

  it('denies every permission name, known or not', () => {
    fc.assert(fc.property(fc.string(), (permission) => !isPermissionGranted(permission)), { numRuns: 500 });
  });
});
