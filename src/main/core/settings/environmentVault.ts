import { AppError, ErrorCode } from '../../../shared/errors';
import { environmentToken, type TokenVault } from './tokenVault';

export const CANNOT_PERSIST_MESSAGE =
  'The web bridge and the command line cannot store the token encrypted, so they do not store it at all. ' +
  'Keep it for this session, set HF_TOKEN in the environment, or save it in the desktop app.';

/**
 * The Node shells' vault (web bridge, CLI): HF_TOKEN from the environment, or a token set for this
 * session through the web UI, held in memory only. Without an OS secret store, persisting is refused
 * outright rather than written as plain text. `env: {}` gives tests an empty, in-memory vault.
 */
export const createEnvironmentVault = ({ env }: { env: NodeJS.ProcessEnv }): TokenVault => {
  let session: string | null = null;
  // After "clear", HF_TOKEN is ignored too: the user asked for no token, not for the previous one.
  let environmentIgnored = false;
  const fromEnvironment = (): string | null => (environmentIgnored ? null : environmentToken(env));

  return {
    status: () => ({ storage: session !== null ? 'session' : fromEnvironment() !== null ? 'environment' : 'none', canEncrypt: false }),
    get: () => session ?? fromEnvironment(),
    set(token, keep) {
      if (keep === 'persist') throw new AppError(ErrorCode.UNSUPPORTED, CANNOT_PERSIST_MESSAGE);
      session = token;
    },
    clear() {
      session = null;
      environmentIgnored = true;
    },
  };
};
