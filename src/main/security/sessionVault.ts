import { safeStorage } from 'electron';
import type { SessionVault } from '../core/sync/sessionVault';
import type { SecretStore } from './tokenVault';

/** Beside the HF token's key in config.json, never inside the settings. */
export const SESSION_KEY = 'secrets.lumikuSession';

/**
 * The desktop app's Lumiku session vault: safeStorage ciphertext in config.json when the OS has a
 * real secret store; otherwise (Linux basic_text) memory only, so a session is never written as
 * obfuscated text without the user knowing: they sign in again after a restart.
 */
export const createElectronSessionVault = ({ store, platform = process.platform }: { store: SecretStore; platform?: NodeJS.Platform }): SessionVault => {
  let session: string | null = null;
  const canEncrypt = (): boolean =>
    safeStorage.isEncryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  const stored = (): string | null => {
    const value = store.get(SESSION_KEY);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return {
    get() {
      if (session !== null) return session;
      const cipher = stored();
      if (cipher === null) return null;
      try {
        session = safeStorage.decryptString(Buffer.from(cipher, 'base64'));
        return session;
      } catch {
        // The keyring changed: the session is lost, sign in again.
        store.delete(SESSION_KEY);
        return null;
      }
    },
    set(token) {
      session = token;
      if (canEncrypt()) store.set(SESSION_KEY, safeStorage.encryptString(token).toString('base64'));
      else store.delete(SESSION_KEY);
    },
    clear() {
      session = null;
      store.delete(SESSION_KEY);
    },
    storage: () => (stored() !== null ? 'encrypted' : session !== null ? 'session' : 'none'),
  };
};
