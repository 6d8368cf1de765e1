import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/names';
import { contentSecurityPolicy as webCsp } from '../../src/web/securityHeaders';
import { ROOT, balanced, callsOf, code, codeOf, cspDirectives, readText, sourceFiles } from './source';

/**
 * Static checks over the source and the build config: each hardening item is asserted where it
 * is written, and its opposite is looked for everywhere it could be undone. The behaviour behind
 * them is tested in tests/main (fake electron) and here in the other files; see README.md.
 */
const MAIN = sourceFiles('src/main').filter((file) => !file.startsWith('src/main/core/'));
const PRELOAD = sourceFiles('src/preload');
const RENDERER = sourceFiles('src/renderer/src');
const SHELL = [...MAIN, ...PRELOAD];
const inFiles = (files: string[], pattern: RegExp): string[] => files.filter((file) => pattern.test(codeOf(file)));

describe('BrowserWindow webPreferences', () => {
  const window = codeOf('src/main/window.ts');
  const preferences = balanced(window, window.indexOf('{', window.indexOf('webPreferences:')));

  it.each([
    ['contextIsolation', 'true'],
    ['sandbox', 'true'],
    ['nodeIntegration', 'false'],
    ['nodeIntegrationInSubFrames', 'false'],
    ['webSecurity', 'true'],
    ['allowRunningInsecureContent', 'false'],
    ['webviewTag', 'false'],
  ])('sets %s: %s explicitly in the one window', (name, value) => {
    expect(preferences).toMatch(new RegExp(`\\b${name}:\\s*${value}\\b`));
  });

  it('creates windows only in window.ts, so no second window skips these preferences', () => {
    expect(inFiles(SHELL, /new BrowserWindow\s*\(/)).toEqual(['src/main/window.ts']);
    expect(callsOf(window, 'new BrowserWindow')).toHaveLength(1);
  });

  it('never turns any of them the other way anywhere in the shell', () => {
    const weakening =
      /\b(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|webviewTag|allowRunningInsecureContent|experimentalFeatures)\s*:\s*true\b|\b(contextIsolation|sandbox|webSecurity)\s*:\s*false\b|\benableBlinkFeatures\b|\bdisable-web-security\b|\bno-sandbox\b/;
    expect(inFiles(SHELL, weakening)).toEqual([]);
  });

  it('sandboxes every renderer process and hardens every web contents as it is created', () => {
    const index = codeOf('src/main/index.ts');
    expect(index).toMatch(/app\.enableSandbox\(\)/);
    expect(index).toMatch(/app\.on\(\s*'web-contents-created'[^)]*\)\s*=>\s*hardenWebContents\(/);
  });
});

describe('Content-Security-Policy', () => {
  const metaCsp = (html: string): string => {
    const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    if (!match) throw new Error('no CSP meta tag');
    return match[1]!;
  };
  const expectNoInlineScript = (csp: string, where: string): void => {
    const directives = cspDirectives(csp);
    expect(directives.get('script-src'), where).toEqual(["'self'"]);
    expect(directives.get('object-src'), where).toEqual(["'none'"]);
    expect(directives.get('base-uri'), where).toEqual(["'none'"]);
    expect(csp, where).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
  };

  it("is in index.html as a meta tag with script-src 'self' and nothing inline or eval", () => {
    expectNoInlineScript(metaCsp(readText('src/renderer/index.html')), 'src/renderer/index.html');
  });

  it('is the same in the built page, which has no inline script or handler for it to block', () => {
    const built = path.join(ROOT, 'out/renderer/index.html');
    if (!existsSync(built)) return; // npm test builds first; a bare vitest run may not have.
    const html = readText('out/renderer/index.html');
    expectNoInlineScript(metaCsp(html), 'out/renderer/index.html');
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      expect(script).toMatch(/\bsrc="\.\/assets\//);
      expect(script.replace(/<script\b[^>]*>|<\/script>/gi, '').trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('is sent by the web bridge on every answer, without inline script and with frame-ancestors none', () => {
    const csp = webCsp(4321);
    expectNoInlineScript(csp, 'web bridge');
    expect(cspDirectives(csp).get('frame-ancestors')).toEqual(["'none'"]);
    expect(cspDirectives(csp).get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4321', 'ws://localhost:4321']);
    expect(codeOf('src/web/server.ts')).toMatch(/createServer\(\(request, response\) => \{\s*applySecurityHeaders\(response/);
  });

  it('is put on app:// documents by the protocol handler and on http(s) ones by the session', () => {
    expect(codeOf('src/main/protocols.ts')).toMatch(/'content-security-policy':\s*csp/);
    expect(codeOf('src/main/index.ts')).toMatch(/handleAppProtocol\([^)]*contentSecurityPolicy\(paths\.devServerUrl\)\)/);
    expect(codeOf('src/main/security/hardenWebContents.ts')).toMatch(/onHeadersReceived/);
  });
});

describe('permissions, navigation and new windows', () => {
  const harden = codeOf('src/main/security/hardenWebContents.ts');

  it('grants no permission: the allow-list is empty and every handler asks it', () => {
    expect(codeOf('src/main/security/policies.ts')).toMatch(/GRANTED_PERMISSIONS: ReadonlySet<string> = new Set\(\);/);
    expect(harden).toMatch(/setPermissionRequestHandler\([^;]*callback\(isPermissionGranted\(permission\)\)/);
    expect(harden).toMatch(/setPermissionCheckHandler\([^;]*isPermissionGranted\(permission\)/);
    expect(harden).toMatch(/setDevicePermissionHandler\(\(\) => false\)/);
  });

  it('guards every kind of navigation and refuses every new window and <webview>', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']) expect(harden).toContain(`contents.on('${event}'`);
    const [openHandler] = callsOf(harden, 'setWindowOpenHandler');
    expect(openHandler).toMatch(/return \{ action: 'deny' \}/);
    expect(inFiles(SHELL, /action:\s*'allow'/)).toEqual([]);
  });

  it('calls shell.openExternal in one place, only with a URL the allow-list parsed and returned', () => {
    expect(inFiles([...SHELL, ...RENDERER], /\bopenExternal\s*\(/)).toEqual(['src/main/security/hardenWebContents.ts']);
    expect(harden).toMatch(/const openExternally = \(url: string \| null\): void => \{\s*if \(url\) void shell\.openExternal\(url\)/);
    const arguments_ = callsOf(harden, 'openExternally').map((call) => call.slice(1, -1).trim());
    expect(arguments_.sort()).toEqual(['decision.openExternally', 'externalUrlToOpen(url)']);
    const policies = codeOf('src/main/security/policies.ts');
    expect(policies).toMatch(/return new URL\(value\)/);
    expect(policies).toMatch(/url\.protocol !== 'https:'/);
    expect(policies).toMatch(/EXTERNAL_HOSTS\.has\(url\.hostname\) \? url\.href : null/);
  });
});

describe('IPC', () => {
  it('has exactly the two transport channels', () => {
    expect(Object.keys(IPC_CHANNELS).sort()).toEqual(['event', 'invoke']);
    expect(new Set(Object.values(IPC_CHANNELS)).size).toBe(2);
  });

  it('checks the sender frame and origin first thing in every ipcMain handler', () => {
    const registrations = MAIN.flatMap((file) =>
      ['ipcMain.handle', 'ipcMain.handleOnce', 'ipcMain.on', 'ipcMain.once', 'ipcMain.addListener'].flatMap((callee) =>
        callsOf(codeOf(file), callee).map((args) => ({ file, args })),
      ),
    );
    expect(registrations.length).toBeGreaterThan(0);
    for (const { file, args } of registrations) {
      expect(args, file).toMatch(/^\(IPC_CHANNELS\.invoke,/);
      // The check comes before anything else the handler does, and an untrusted sender returns at once.
      const body = args.slice(args.indexOf('{'));
      const check = body.indexOf('checkSender(');
      expect(check, file).toBeGreaterThan(-1);
      expect(body.slice(0, check), file).not.toMatch(/\.invoke\(|await /);
      expect(body.slice(check), file).toMatch(/^checkSender\([^;]*\);\s*if \(!\w+\.trusted\) return/);
    }
  });

  it('sends to renderers only on the event channel, and only to pages showing the app', () => {
    const sends = MAIN.flatMap((file) => callsOf(codeOf(file), '.send').map((args) => ({ file, args })));
    expect(sends.map(({ file, args }) => `${file} ${args.split(',')[0]}`)).toEqual(['src/main/ipc.ts (IPC_CHANNELS.event']);
    expect(codeOf('src/main/ipc.ts')).toMatch(/!isTrustedSenderUrl\(contents\.getURL\(\), devServerUrl\)\) continue;\s*contents\.send/);
  });

  it('exposes one global from the preload, using ipcRenderer only for the two channels', () => {
    // Import lines name ipcRenderer; everything after them may only call its three methods.
    const preload = PRELOAD.map(codeOf).join('\n').replace(/^import [^;]*;$/gm, '');
    expect(callsOf(preload, 'contextBridge.exposeInMainWorld')).toEqual(['(PRELOAD_GLOBAL, bridge)']);
    const ipcUses = [...preload.matchAll(/ipcRenderer\.(\w+)\(([^,)]*)/g)].map(([, method, channel]) => `${method} ${channel}`);
    expect(ipcUses.sort()).toEqual(['invoke IPC_CHANNELS.invoke', 'on IPC_CHANNELS.event', 'removeListener IPC_CHANNELS.event']);
    expect(preload).not.toMatch(/ipcRenderer\s*[,)}]|\.\.\.ipcRenderer|process\.|require\(/);
  });
});

describe('how the app is loaded', () => {
  it('never loads a file: URL or uses loadFile: the renderer comes from app://', () => {
    expect(inFiles(SHELL, /\bloadFile\s*\(/)).toEqual([]);
    expect(inFiles(SHELL, /['"`]file:/)).toEqual([]);
    const loads = SHELL.flatMap((file) => callsOf(codeOf(file), '.loadURL').map((args) => `${file} ${args}`));
    expect(loads).toEqual(['src/main/window.ts (url)']);
    expect(codeOf('src/main/paths.ts')).toMatch(/appUrl: devServerUrl \?\? APP_ENTRY_URL/);
    expect(codeOf('src/main/paths.ts')).toMatch(/const devServerUrl = !isPackaged && env\.ELECTRON_RENDERER_URL/);
  });

  it('turns file paths into file: URLs only to read library images in the main process (net.fetch), never to load a page', () => {
    expect(inFiles(SHELL, /pathToFileURL/)).toEqual(['src/main/protocols.ts']);
    expect(codeOf('src/main/protocols.ts')).toMatch(/net\.fetch\(pathToFileURL\(image\.file\)/);
  });
});

describe('the renderer', () => {
  it('imports no electron, node built-in or require, and uses no HTML or code sinks', () => {
    const sinks = /from ['"](electron|node:[\w/]+|fs|path|child_process)['"]|\brequire\s*\(|dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(/;
    expect(inFiles(RENDERER, sinks)).toEqual([]);
  });
});

describe('the web bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    const listens = callsOf(codeOf('src/web/server.ts'), 'server.listen');
    expect(listens).toEqual(["(port, '127.0.0.1', () => resolve())"]);
  });
});

describe('Electron fuses and packaging (electron-builder.yml)', () => {
  const yaml = readText('electron-builder.yml');
  const block = (name: string): Map<string, string> => {
    const lines = yaml.split('\n');
    const start = lines.findIndex((line) => line === `${name}:`);
    if (start === -1) throw new Error(`no ${name} block`);
    const entries = new Map<string, string>();
    for (const line of lines.slice(start + 1)) {
      const match = /^\s+(\w+):\s*(\S+)/.exec(line);
      if (!match) break;
      entries.set(match[1]!, match[2]!);
    }
    return entries;
  };

  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['onlyLoadAppFromAsar', 'true'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['enableCookieEncryption', 'true'],
  ])('sets the fuse %s to %s', (fuse, value) => {
    expect(block('electronFuses').get(fuse)).toBe(value);
  });

  it('packs the app into an asar archive, which the asar fuses rely on', () => {
    expect(yaml).toMatch(/^asar: true$/m);
  });
});

describe('the scanner these checks rely on', () => {
  it('blanks comments but keeps strings that look like them', () => {
    const comment = '/* sandbox: false */';
    expect(code(`a(); // nodeIntegration: true\nb('https://x'); ${comment}`)).toBe(`a(); \nb('https://x'); ${' '.repeat(comment.length)}`);
  });
});
