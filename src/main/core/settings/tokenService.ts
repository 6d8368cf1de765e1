import { createHash } from 'node:crypto';
import type { AppEvent } from '../../../shared/contract';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { TokenStatus } from '../../../shared/settings';
import type { SecretSource } from '../generation/settings';
import type { TokenKeep, TokenVault } from './tokenVault';
import { askWhoami } from './whoami';
import { TOKEN_PATTERN } from '../../../shared/vocabulary';

export interface TokenServiceOptions {
  vault: TokenVault;
  emit(event: AppEvent): void;
  /** How the check reaches huggingface.co; tests send it to the fake Hub. */
  fetch?: typeof fetch;
  now?: () => number;
}

interface Check {
  /** Which token the check was about: a change of HF_TOKEN (or the vault) makes it stale. Memory only. */
  fingerprint: string;
  state: 'valid' | 'invalid';
  account: string | null;
  checkedAt: number;
}

// A token goes into an HTTP header; one with spaces or control characters cannot be valid anyway.
const TOKEN_SHAPE = TOKEN_PATTERN;

const fingerprintOf = (token: string): string => createHash('sha256').update(token).digest('hex');

const unreadable = (): AppError =>
  new AppError(ErrorCode.TOKEN_MISSING, 'The stored Hugging Face token could not be decrypted (the system keyring may have changed). Set it again in Settings.');

/**
 * The token as the contract sees it: only its status ever leaves (TokenStatus), and every change
 * is announced as `token.changed`. The token itself goes to Hugging Face and nowhere else.
 */
export class TokenService implements SecretSource {
  private check: Check | null = null;
  private readonly now: () => number;

  constructor(private readonly options: TokenServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  status(): TokenStatus {
    const { storage, canEncrypt } = this.options.vault.status();
    const unset: TokenStatus = { state: 'unset', storage: 'none', canEncrypt, account: null, checkedAt: null };
    if (storage === 'none') return unset;
    const check = this.currentCheck();
    return check
      ? { state: check.state, storage, canEncrypt, account: check.account, checkedAt: check.checkedAt }
      : { state: 'set', storage, canEncrypt, account: null, checkedAt: null };
  }

  isSet(): boolean {
    return this.options.vault.status().storage !== 'none';
  }

  async hfToken(): Promise<string | null> {
    return this.options.vault.get();
  }

  set(token: string, keep: TokenKeep, allowWeakStorage: boolean): TokenStatus {
    this.options.vault.set(token, keep, allowWeakStorage);
    this.check = null;
    return this.announce();
  }

  clear(): TokenStatus {
    this.options.vault.clear();
    this.check = null;
    return this.announce();
  }

  /** Asks Hugging Face about the token. When it cannot answer, the status stays as it was. */
  async verify(): Promise<TokenStatus> {
    let token: string | null;
    try {
      token = this.options.vault.get();
    } catch {
      throw unreadable();
    }
    if (token === null) return this.status();
    const fingerprint = fingerprintOf(token);
    const answer = TOKEN_SHAPE.test(token) ? await askWhoami(token, this.options.fetch ?? fetch) : ({ valid: false } as const);
    this.check = answer.valid
      ? { fingerprint, state: 'valid', account: answer.account, checkedAt: this.now() }
      : { fingerprint, state: 'invalid', account: null, checkedAt: this.now() };
    return this.announce();
  }

  private currentCheck(): Check | null {
    if (!this.check) return null;
    try {
      const token = this.options.vault.get();
      return token !== null && fingerprintOf(token) === this.check.fingerprint ? this.check : null;
    } catch {
      return null;
    }
  }

  private announce(): TokenStatus {
    const status = this.status();
    this.options.emit({ name: 'token.changed', payload: { status } });
    return status;
  }
}
