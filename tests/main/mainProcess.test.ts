import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/names';
import type { Avatar, ProjectSummary } from '../../src/shared/domain';
import type { Result } from '../../src/shared/result';
import * as electron from '../helpers/fakeElectron';
import { makeImage } from '../helpers/images';
import { MIGRATIONS } from '../helpers/library';

// The real main process, wired to a recording fake of `electron`: proves the glue (what is
// registered, in which order, and how each handler treats forged input) without a binary.
vi.mock('electron', () => import('../helpers/fakeElectron'));

let scratch: string;
let window: electron.BrowserWindow;

const invoke = async <T>(command: string, input: unknown, frame: electron.FakeFrame | null = window.webContents.mainFrame) => {
  const handler = electron.ipcMain.handlers.get(IPC_CHANNELS.invoke);
  if (!handler) throw new Error('no IPC handler registered');
  return (await handler({ sender: window.webContents, senderFrame: frame }, command, input)) as Result<T>;
};

const must = async <T>(command: string, input: unknown): Promise<T> => {
  const result = await invoke<T>(command, input);
  if (!result.ok) throw new Error(`${command}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

const fetchScheme = (url: string, method = 'GET'): Promise<Response> => {
  const scheme = new URL(url).protocol.slice(0, -1);
  const handler = electron.protocol.handlers.get(scheme);
  if (!handler) throw new Error(`no handler for ${scheme}:`);
  return Promise.resolve(handler(new Request(url, { method })));
};

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'avatar-creator-mainproc-'));
  const appDir = path.join(scratch, 'app');
  mkdirSync(path.join(appDir, 'out', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(appDir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Avatar Creator</title>');
  writeFileSync(path.join(appDir, 'out', 'renderer', 'assets', 'app.js'), 'export {}');
  writeFileSync(path.join(appDir, 'out', 'secret.txt'), 'secret');
  mkdirSync(path.join(scratch, 'resources'));
  symlinkSync(MIGRATIONS, path.join(scratch, 'resources', 'drizzle'));
  electron.app.appPath = appDir;
  Object.defineProperty(process, 'resourcesPath', { value: path.join(scratch, 'resources'), configurable: true });
  vi.stubEnv('AVATAR_CREATOR_LIBRARY', path.join(scratch, 'library'));
  vi.stubEnv('AVATAR_CREATOR_CONFIG_DIR', path.join(scratch, 'config'));
  vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.com');

  // Where the window was at the end of the last run: on the monitor to the right.
  mkdirSync(path.join(scratch, 'config'), { recursive: true });
  writeFileSync(path.join(scratch, 'config', 'window-state.json'), JSON.stringify({ main: { bounds: { x: 1600, y: 40, width: 1500, height: 900 }, maximized: false } }));

  await import('../../src/main/index');
  electron.app.becomeReady();
  await vi.waitFor(() => expect(electron.BrowserWindow.windows).toHaveLength(1), { timeout: 10_000 });
  window = electron.BrowserWindow.windows[0]!;
});

afterAll(async () => {
  // Like Electron: will-quit with a preventable event; the app closes its library, then quits again.
  electron.app.emit('will-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(electron.app.calls.some((call) => call.method === 'quit')).toBe(true));
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the app around the window', () => {
  it('takes the single-instance lock before ready and brings its window forward on a second launch', () => {
    const calls = electron.app.calls.map((call) => call.method);
    expect(calls.indexOf('requestSingleInstanceLock')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('requestSingleInstanceLock')).toBeLessThan(calls.indexOf('ready'));
    expect(electron.app.listenerCount('second-instance')).toBe(1);
    expect(() => electron.app.emit('second-instance')).not.toThrow();
    expect(electron.BrowserWindow.windows).toHaveLength(1);
  });

  it('installs the standard menus by role and an About box', () => {
    const template = electron.Menu.installed?.template as { role?: string; label?: string; submenu?: { role?: string }[] }[];
    expect(template.map((item) => item.role ?? item.label)).toEqual(
      process.platform === 'darwin' ? ['appMenu', 'fileMenu', 'editMenu', 'View', 'windowMenu', 'help'] : ['fileMenu', 'editMenu', 'View', 'windowMenu', 'help'],
    );
    // Packaged: no developer tools in the menu.
    expect(template.find((item) => item.label === 'View')?.submenu?.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(electron.app.calls.find((call) => call.method === 'setAboutPanelOptions')?.args[0]).toMatchObject({ applicationName: 'Avatar Creator' });
  });

  it('opens where the window was last time and remembers where it is when it closes', () => {
    expect(window.options).toMatchObject({ x: 1600, y: 40, width: 1500, height: 900 });
    window.emit('close');
    const saved = JSON.parse(readFileSync(path.join(scratch, 'config', 'window-state.json'), 'utf8')) as { main: unknown };
    expect(saved.main).toEqual({ bounds: { x: 1600, y: 40, width: 1500, height: 900 }, maximized: false });
  });
});

describe('start-up', () => {
  it('names the app like the CLI expects and registers its schemes before ready', () => {
    expect(electron.app.calls.find((call) => call.method === 'setName')?.args).toEqual(['Avatar Creator']);
    expect(electron.app.paths.get('userData')).toBe(path.join('/fake/appData', 'Avatar Creator'));
    expect(electron.protocol.privilegedBeforeReady).toBe(true);
    expect(electron.protocol.privileged.map((entry) => entry.scheme).sort()).toEqual(['app', 'avatar-image']);
    for (const entry of electron.protocol.privileged) expect(entry.privileges).toMatchObject({ standard: true, secure: true });
    expect(electron.dialog.errors).toEqual([]);
  });

  it('opens a locked-down window on app://, ignoring a renderer URL from the environment when packaged', () => {
    expect(window.webContents.getURL()).toBe('app://renderer/index.html');
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(electron.app.appPath, 'out', 'preload', 'index.cjs'),
    });
  });
});

describe('hardening applied to every web contents', () => {
  it('denies new windows and sends allow-listed links to the browser', () => {
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler?.({ url: 'https://huggingface.co/settings/tokens' })).toEqual({ action: 'deny' });
    expect(electron.shell.opened).toEqual(['https://huggingface.co/settings/tokens']);
  });

  it('blocks navigation away from the app and <webview>', () => {
    for (const eventName of ['will-navigate', 'will-redirect']) {
      const event = { url: 'https://evil.com/', preventDefault: vi.fn() };
      window.webContents.emit(eventName, event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    const subframe = { url: 'https://evil.com/', isMainFrame: false, preventDefault: vi.fn() };
    window.webContents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('grants no permission and puts the CSP on every http(s) response', () => {
    const session = electron.defaultSession;
    const granted = vi.fn();
    session.permissionRequest?.(window.webContents, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(session.permissionCheck?.(window.webContents, 'clipboard-read')).toBe(false);
    expect(session.devicePermission?.()).toBe(false);
    const callback = vi.fn();
    session.headersReceived?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, callback);
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy')).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self';");
  });
});

describe('the IPC router', () => {
  it.each([
    ['a destroyed frame', null],
    ['a subframe', { url: 'app://renderer/index.html' }],
  ])('refuses %s', async (_label, frame) => {
    const result = await invoke('projects.list', {}, frame);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses the main frame once it shows another origin', async () => {
    window.webContents.url = 'https://evil.com/';
    try {
      expect(await invoke('projects.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      window.webContents.url = 'app://renderer/index.html';
    }
  });

  it('answers the app with envelopes and pushes the change as an event', async () => {
    expect(await invoke('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(await invoke('projects.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const project = await must<ProjectSummary>('projects.create', { name: 'Shell test' });
    await vi.waitFor(() =>
      expect(window.webContents.sent).toContainEqual({ channel: IPC_CHANNELS.event, message: { name: 'project.changed', payload: { project } } }),
    );
  });
});

describe('the protocols', () => {
  it('serves the renderer with the CSP and refuses everything outside it', async () => {
    const page = await fetchScheme('app://renderer/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(await page.text()).toContain('<title>Avatar Creator</title>');
    expect((await fetchScheme('app://renderer/assets/app.js')).headers.get('content-type')).toContain('text/javascript');
    for (const url of ['app://renderer/..%2Fsecret.txt', 'app://renderer.evil/index.html', 'app://renderer/missing.js']) {
      expect((await fetchScheme(url)).status).toBe(404);
    }
    expect((await fetchScheme('app://renderer/index.html', 'POST')).status).toBe(405);
  });

  it('serves avatar images by id with immutable caching, and 404 for anything else', async () => {
    const [project] = await must<ProjectSummary[]>('projects.list', {});
    const bytes = new Uint8Array(await makeImage('png', 320, 240));
    const avatar = await must<Avatar>('avatars.upload', { projectId: project!.id, fileName: 'a.png', bytes });
    const thumb = await fetchScheme(`avatar-image://image/${avatar.id}/thumb`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect(thumb.headers.get('cache-control')).toContain('immutable');
    expect((await thumb.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await fetchScheme(`avatar-image://image/${avatar.id}/full`)).headers.get('content-type')).toBe('image/png');
    for (const url of [
      `avatar-image://other/${avatar.id}/full`,
      `avatar-image://image/${avatar.id}/original`,
      `avatar-image://image/${avatar.id.replace(/.$/, '0')}x/full`,
      `avatar-image://image/%2e%2e/library.db`,
    ]) {
      expect((await fetchScheme(url)).status).toBe(404);
    }
  });
});
