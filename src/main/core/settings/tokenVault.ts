import type { TokenStatus } from '../../../shared/settings';

export type TokenKeep = 'session' | 'persist';

export interface VaultStatus {
  storage: TokenStatus['storage'];
  canEncrypt: boolean;
}

/**
 * Where the Hugging Face token is kept. The core reaches the token only through this (the desktop
 * app's safeStorage vault, or the Node shells' environment-and-session one), and only to send it
 * to Hugging Face: it never goes into settings, logs, errors, events or exports.
 */
export interface TokenVault {
  /** Where the token is, without reading it (reading may ask the OS keyring). */
  status(): VaultStatus;
  /** The token, or null when none is kept. Throws when a stored token cannot be decrypted. */
  get(): string | null;
  /** Throws an AppError when `keep` cannot be honoured here; nothing changes then. */
  set(token: string, keep: TokenKeep, allowWeakStorage: boolean): void;
  /** Forgets the token everywhere this vault keeps it; an HF_TOKEN from the environment is ignored from then on. */
  clear(): void;
}

export const TOKEN_ENV = 'HF_TOKEN';

/** A non-blank HF_TOKEN, trimmed; read each time, so the value the process has now is the one used. */
export const environmentToken = (env: NodeJS.ProcessEnv): string | null => env[TOKEN_ENV]?.trim() || null;
