import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../helpers/fakeElectron'));

const { safeStorage } = await import('../helpers/fakeElectron');
const { createElectronSessionVault, SESSION_KEY } = await import('../../src/main/security/sessionVault');
const { createMemorySessionVault, SESSION_ENV } = await import('../../src/main/core/sync/sessionVault');

const memoryStore = () => {
  const values = new Map<string, unknown>();
  return { values, get: (key: string) => values.get(key), set: (key: string, value: unknown) => void values.set(key, value), delete: (key: string) => void values.delete(key) };
};

afterEach(() => {
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
});

describe('the Lumiku session vault', () => {
  it('desktop: kept encrypted beside the settings, read back by the next start, gone after logout', () => {
    const store = memoryStore();
    const vault = createElectronSessionVault({ store, platform: 'linux' });
    vault.set('header.payload.signature');
    const stored = String(store.values.get(SESSION_KEY));
    expect(stored).not.toContain('payload');
    expect(vault.storage()).toBe('encrypted');
    expect(createElectronSessionVault({ store, platform: 'linux' }).get()).toBe('header.payload.signature');
    vault.clear();
    expect(store.values.has(SESSION_KEY)).toBe(false);
    expect(createElectronSessionVault({ store, platform: 'linux' }).get()).toBeNull();
  });

  it('desktop without a real keyring: memory only, never written obfuscated', () => {
    safeStorage.backend = 'basic_text';
    const store = memoryStore();
    const vault = createElectronSessionVault({ store, platform: 'linux' });
    vault.set('jwt');
    expect(vault.get()).toBe('jwt');
    expect(vault.storage()).toBe('session');
    expect(store.values.size).toBe(0);
  });

  it('Node shells: memory, or the environment until logout', () => {
    const vault = createMemorySessionVault({ env: { [SESSION_ENV]: ' from-env ' } });
    expect(vault.get()).toBe('from-env');
    expect(vault.storage()).toBe('environment');
    vault.set('signed-in');
    expect(vault.get()).toBe('signed-in');
    vault.clear();
    expect(vault.get()).toBeNull();
  });
});
