import { safeStorage } from 'electron';
import { environmentToken, type TokenVault } from '../core';
import { AppError, ErrorCode } from '../../shared/errors';

/** Beside the settings in config.json, never inside them: settings are exported and shown; this is not. */
export const TOKEN_KEY = 'secrets.hfToken';

/** The part of electron-store the vault uses. */
export interface SecretStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export const WEAK_STORAGE_MESSAGE =
  'This computer has no system keyring that Avatar Creator can use (on Linux: no GNOME Keyring, KWallet or other Secret Service is running), ' +
  'so a saved token would only be obfuscated, not encrypted. Keep it for this session, or confirm that it may be saved anyway.';
export const NO_ENCRYPTION_MESSAGE =
  'This computer offers no way to encrypt the token, so it cannot be saved. Keep it for this session instead.';

/**
 * The desktop app's vault. `persist` stores safeStorage ciphertext (base64) in config.json; where
 * safeStorage falls back to Linux's `basic_text` (a fixed key, readable by anyone who has the file)
 * that needs the user's explicit consent. `session` keeps it in memory until the app quits.
 * HF_TOKEN from the environment still works when nothing else is set.
 */
export const createElectronTokenVault = ({
  store,
  env,
  platform = process.platform,
}: {
  store: SecretStore;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}): TokenVault => {
  let session: string | null = null;
  // Decrypting may ask the keyring (macOS may prompt): once per run is enough.
  let decrypted: { cipher: string; token: string } | null = null;
  let environmentIgnored = false;

  const stored = (): string | null => {
    const value = store.get(TOKEN_KEY);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const encryptionAvailable = (): boolean => safeStorage.isEncryptionAvailable();
  const canEncrypt = (): boolean =>
    encryptionAvailable() && !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  const fromEnvironment = (): string | null => (environmentIgnored ? null : environmentToken(env));

  const decrypt = (cipher: string): string => {
    if (decrypted?.cipher === cipher) return decrypted.token;
    // Throws when the keyring changed or the file was edited: the caller reports "set it again".
    const token = safeStorage.decryptString(Buffer.from(cipher, 'base64'));
    decrypted = { cipher, token };
    return token;
  };

  return {
    status: () => ({
      storage: session !== null ? 'session' : stored() !== null ? 'encrypted' : fromEnvironment() !== null ? 'environment' : 'none',
      canEncrypt: canEncrypt(),
    }),
    get() {
      if (session !== null) return session;
      const cipher = stored();
      return cipher !== null ? decrypt(cipher) : fromEnvironment();
    },
    set(token, keep, allowWeakStorage) {
      if (keep === 'persist') {
        if (!encryptionAvailable()) throw new AppError(ErrorCode.UNSUPPORTED, NO_ENCRYPTION_MESSAGE);
        if (!canEncrypt() && !allowWeakStorage) throw new AppError(ErrorCode.TOKEN_STORAGE_WEAK, WEAK_STORAGE_MESSAGE);
        const cipher = safeStorage.encryptString(token).toString('base64');
        store.set(TOKEN_KEY, cipher);
        decrypted = { cipher, token };
        session = null;
        return;
      }
      // A session token replaces a saved one: after a restart the user expects none, not the old one.
      store.delete(TOKEN_KEY);
      decrypted = null;
      session = token;
    },
    clear() {
      session = null;
      decrypted = null;
      environmentIgnored = true;
      store.delete(TOKEN_KEY);
    },
  };
};
