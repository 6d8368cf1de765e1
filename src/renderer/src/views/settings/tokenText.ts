import type { TokenStatus } from '../../../../shared/settings';
import { TOKEN_PATTERN } from '../../../../shared/vocabulary';

export const TOKENS_PAGE = 'https://huggingface.co/settings/tokens';
export const TOKEN_MAX = 200;

/** The chip: what the last word on the token was. */
export const tokenStateLabel = (status: TokenStatus): string => {
  switch (status.state) {
    case 'unset':
      return 'Not set';
    case 'set':
      return 'Set, not checked';
    case 'valid':
      return status.account ? `Valid (${status.account})` : 'Valid';
    case 'invalid':
      return 'Invalid';
  }
};

/** Where the token is kept, said plainly. */
export const tokenStorageText = (status: TokenStatus): string => {
  switch (status.storage) {
    case 'encrypted':
      return 'Kept encrypted by this computer’s secure store.';
    case 'session':
      return 'Kept for this session only: it is forgotten when Avatar Creator stops.';
    case 'environment':
      return 'Read from HF_TOKEN in the environment Avatar Creator was started from.';
    case 'none':
      return 'Without one, new avatars are drawn offline.';
  }
};

/**
 * How a new token may be kept here. The web bridge and the CLI never store one (they keep it for
 * the session or read HF_TOKEN); the desktop app encrypts it, or, where the OS has no secure
 * store, saves it with weak protection only when the user says so.
 */
export type TokenKeeping = 'encrypted' | 'weak' | 'sessionOnly';
export const tokenKeeping = (shell: 'electron' | 'web', canEncrypt: boolean): TokenKeeping =>
  shell === 'web' ? 'sessionOnly' : canEncrypt ? 'encrypted' : 'weak';

/** The checks token.set makes, so a pasted space shows before anything is sent. Null when fine. */
export const tokenProblem = (raw: string): string | null => {
  const token = raw.trim();
  if (!token) return 'Paste the token first.';
  if (token.length > TOKEN_MAX) return 'That is too long for a Hugging Face token.';
  if (!TOKEN_PATTERN.test(token)) return 'A token has no spaces or special characters: copy it again.';
  return null;
};
