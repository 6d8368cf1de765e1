import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenService } from '../../src/main/core/settings/tokenService';
import { openDesktopSettings, type DesktopSettings } from '../../src/main/settingsStore';
import { createElectronTokenVault, TOKEN_KEY } from '../../src/main/security/tokenVault';
import type { AppEvent } from '../../src/shared/contract';
import { AppError } from '../../src/shared/errors';
import * as electron from '../helpers/fakeElectron';
import { settingsKit } from './settingsKit';

// The real electron-store (and conf) on a temp folder; only safeStorage and app are the fakes.
vi.mock('electron', () => import('../helpers/fakeElectron'));

const TOKEN = 'hf_desktopVaultToken0123456789abcdef';
const kit = settingsKit();
const opened: DesktopSettings[] = [];

const open = (dir: string, env: NodeJS.ProcessEnv = {}): DesktopSettings => {
  const desktop = openDesktopSettings({ configDir: dir, env, log: kit.log });
  opened.push(desktop);
  return desktop;
};

/** electron-store's get/set/delete over a Map, for vaults that need no file. */
const mapStore = (store = new Map<string, unknown>()) => ({
  map: store,
  get: (key: string) => store.get(key),
  set: (key: string, value: unknown) => void store.set(key, value),
  delete: (key: string) => void store.delete(key),
});

const failure = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

beforeEach(() => {
  electron.safeStorage.available = true;
  electron.safeStorage.backend = 'gnome_libsecret';
});
afterEach(() => {
  for (const desktop of opened.splice(0)) desktop.settings.close();
  kit.dispose();
});

describe('the desktop vault (safeStorage + electron-store)', () => {
  it('persists the token encrypted beside the settings, never inside them, and reads it back after a restart', () => {
    const dir = kit.dir();
    const { vault, settings } = open(dir);
    settings.update({ theme: 'dark' });
    expect(vault.status()).toEqual({ storage: 'none', canEncrypt: true });
    vault.set(TOKEN, 'persist', false);
    expect(vault.status()).toEqual({ storage: 'encrypted', canEncrypt: true });

    const file = kit.read(dir);
    expect(typeof file.secrets.hfToken).toBe('string');
    expect(Buffer.from(file.secrets.hfToken, 'base64').subarray(0, 3).toString()).toBe('v10');
    expect(kit.text(dir)).not.toContain(TOKEN);
    expect(JSON.stringify(file.settings)).not.toContain('hfToken');
    expect(file.settings.theme).toBe('dark');

    const restarted = open(dir);
    expect(restarted.vault.status().storage).toBe('encrypted');
    expect(restarted.vault.get()).toBe(TOKEN);
    expect(restarted.settings.get().theme).toBe('dark');
    // With a token the stored provider is the default again.
    expect(restarted.settings.generation().provider).toBe('huggingface');
  });

  it('on Linux basic_text refuses to persist without consent, and persists with it', () => {
    electron.safeStorage.backend = 'basic_text';
    const dir = kit.dir();
    expect(createElectronTokenVault({ store: mapStore(), env: {}, platform: 'linux' }).status()).toEqual({ storage: 'none', canEncrypt: false });
    const { vault: stored } = open(dir);
    const refused = failure(() => stored.set(TOKEN, 'persist', false));
    expect(refused.code).toBe('TOKEN_STORAGE_WEAK');
    expect(refused.message).toMatch(/keyring/);
    expect(refused.message).not.toContain(TOKEN);
    expect(stored.status().storage).toBe('none');
    expect(kit.text(dir)).not.toContain('secrets');

    stored.set(TOKEN, 'persist', true);
    expect(stored.status().storage).toBe('encrypted');
    expect(kit.read(dir).secrets.hfToken).toEqual(expect.any(String));
    expect(kit.text(dir)).not.toContain(TOKEN);
  });

  it('basic_text matters only on Linux', () => {
    electron.safeStorage.backend = 'basic_text';
    const store = mapStore();
    const vault = createElectronTokenVault({ store, env: {}, platform: 'win32' });
    expect(vault.status().canEncrypt).toBe(true);
    vault.set(TOKEN, 'persist', false);
    expect(store.map.get(TOKEN_KEY)).toEqual(expect.any(String));
  });

  it('with no encryption at all, persisting is refused even with consent; a session token still works', () => {
    electron.safeStorage.available = false;
    const dir = kit.dir();
    const { vault } = open(dir);
    expect(vault.status().canEncrypt).toBe(false);
    expect(failure(() => vault.set(TOKEN, 'persist', true)).code).toBe('UNSUPPORTED');
    vault.set(TOKEN, 'session', false);
    expect(vault.status()).toEqual({ storage: 'session', canEncrypt: false });
    expect(vault.get()).toBe(TOKEN);
  });

  it('keeps a session token in memory only, replacing a saved one, and forgets it at restart', () => {
    const dir = kit.dir();
    const { vault } = open(dir);
    vault.set('hf_oldSavedToken', 'persist', false);
    vault.set(TOKEN, 'session', false);
    expect(vault.status().storage).toBe('session');
    expect(vault.get()).toBe(TOKEN);
    expect(kit.read(dir).secrets ?? {}).toEqual({});
    expect(kit.text(dir)).not.toContain(TOKEN);
    expect(open(dir).vault.status().storage).toBe('none');
  });

  it('falls back to HF_TOKEN, and clear forgets every copy (the environment’s too, for this run)', () => {
    const dir = kit.dir();
    const { vault } = open(dir, { HF_TOKEN: ' hf_fromEnvironment ' });
    expect(vault.status().storage).toBe('environment');
    expect(vault.get()).toBe('hf_fromEnvironment');
    vault.set(TOKEN, 'persist', false);
    expect(vault.get()).toBe(TOKEN);
    vault.clear();
    expect(vault.status().storage).toBe('none');
    expect(vault.get()).toBeNull();
    expect(kit.read(dir).secrets ?? {}).toEqual({});
  });

  it('a ciphertext that no longer decrypts is reported as "set it again", without the token', async () => {
    const dir = kit.dir();
    const desktop = open(dir);
    desktop.vault.set(TOKEN, 'persist', false);
    const restarted = open(dir);
    const file = kit.read(dir);
    kit.write(dir, { ...file, secrets: { hfToken: Buffer.from('garbage').toString('base64') } });
    // electron-store reads the file on every get, so the tampered value is what the vault sees.
    const events: AppEvent[] = [];
    const tokens = new TokenService({ vault: restarted.vault, emit: (event) => events.push(event) });
    expect(tokens.status().state).toBe('set');
    const error = await tokens.verify().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TOKEN_MISSING');
    expect((error as AppError).message).toMatch(/set it again/i);
    expect(events).toEqual([]);
  });
});
