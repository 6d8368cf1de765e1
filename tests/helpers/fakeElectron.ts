import { EventEmitter } from 'node:events';
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Just enough of the `electron` module for src/main to run in plain Node under vi.mock:
 * every call the shell makes is recorded, and the handlers it registers can be called with
 * forged requests and senders. Not a simulation of Chromium: the E2E spec covers the real thing.
 */

type Listener = (...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export interface FakeFrame {
  url: string;
}

export class FakeSession {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  devicePermission: (() => boolean) | null = null;
  headersReceived: Listener | null = null;
  readonly webRequest = { onHeadersReceived: (listener: Listener) => (this.headersReceived = listener) };
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermission']): void {
    this.devicePermission = handler;
  }
}

export const defaultSession = new FakeSession();

export class FakeWebContents extends EventEmitter {
  url = '';
  destroyed = false;
  readonly sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly session = defaultSession;
  readonly mainFrame: FakeFrame;

  constructor() {
    super();
    const contents = this;
    this.mainFrame = {
      get url() {
        return contents.url;
      },
    };
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  readonly calls: { method: string; args: unknown[] }[] = [];
  isPackaged = true;
  appPath = '';
  readonly paths = new Map<string, string>([['appData', '/fake/appData']]);
  private resolveReady: () => void = () => {};
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }
  setName(name: string): void {
    this.record('setName', name);
  }
  setPath(name: string, value: string): void {
    this.record('setPath', name, value);
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/fake/${name}`;
  }
  getAppPath(): string {
    return this.appPath;
  }
  /** electron-store asks for it (its default projectVersion). */
  getVersion(): string {
    return '0.0.0-test';
  }
  enableSandbox(): void {
    this.record('enableSandbox');
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  becomeReady(): void {
    this.record('ready');
    this.resolveReady();
  }
  quit(): void {
    this.record('quit');
  }
  requestSingleInstanceLock(): boolean {
    this.record('requestSingleInstanceLock');
    return true;
  }
  setAboutPanelOptions(options: Record<string, unknown>): void {
    this.record('setAboutPanelOptions', options);
  }
  exit(code: number): void {
    this.record('exit', code);
  }
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static readonly windows: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.windows];
  }
  readonly webContents = new FakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.url = url;
  }
  show(): void {}
  maximized = false;
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    const { x, y, width, height } = this.options as { x: number; y: number; width: number; height: number };
    return { x, y, width, height };
  }
  readonly progressBars: { value: number; mode: string | undefined }[] = [];
  setProgressBar(value: number, options?: { mode?: string }): void {
    this.progressBars.push({ value, mode: options?.mode });
  }
  isDestroyed(): boolean {
    return false;
  }
}

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  privilegedBeforeReady: false,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    this.privileged.push(...schemes);
    this.privilegedBeforeReady = !app.calls.some((call) => call.method === 'ready');
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

/** net.fetch for the file: URLs the shell uses; Node's own fetch has no file: support. */
export const net = {
  async fetch(url: string): Promise<Response> {
    const body = await fs.readFile(fileURLToPath(url)).catch(() => null);
    return body ? new Response(new Uint8Array(body)) : new Response(null, { status: 404 });
  },
};

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  /** Plain listeners (electron-store registers one for renderer processes; the app itself uses handle). */
  listeners: new Map<string, Listener>(),
  on(channel: string, listener: Listener): void {
    this.listeners.set(channel, listener);
  },
  handle(channel: string, handler: InvokeHandler): void {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};

export const dialog = {
  errors: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  },
};

export const nativeTheme = {
  shouldUseDarkColors: true,
};

/**
 * safeStorage with a reversible stand-in for the OS keyring: tests pick whether encryption is
 * available and which Linux backend was selected. The "ciphertext" must not contain the token in
 * any readable form, or a test searching the files for it would prove nothing.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(text: string): Buffer {
    if (!this.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.concat([Buffer.from('v10', 'latin1'), Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a))]);
  },
  decryptString(encrypted: Buffer): string {
    if (encrypted.subarray(0, 3).toString('latin1') !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(3).map((byte) => byte ^ 0x5a)).toString('utf8');
  },
};

/** `import electron from 'electron'` (electron-store does) sees the same fakes as the named imports. */
/** Two screens: a laptop (primary) and a monitor to its right. */
export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1440, height: 875 } }, { workArea: { x: 1440, y: 0, width: 2560, height: 1400 } }],
  getAllDisplays() {
    return screen.displays;
  },
};

export const Menu = {
  installed: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] }): void {
    Menu.installed = menu;
  },
};

export default { app, BrowserWindow, protocol, net, ipcMain, shell, dialog, nativeTheme, safeStorage, screen, Menu };
