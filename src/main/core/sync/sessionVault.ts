/**
 * Where the Lumiku session (the JWT login returns) is kept: like the Hugging Face token, never in
 * settings, logs, errors or events. The password is never kept anywhere: it is sent once to log in.
 * The desktop app encrypts it with safeStorage (src/main/security/sessionVault.ts); the Node shells
 * hold it in memory for the session, or take LUMIKU_SESSION from the environment (CLI, tests).
 */
export interface SessionVault {
  get(): string | null;
  set(token: string): void;
  clear(): void;
  storage(): 'encrypted' | 'session' | 'environment' | 'none';
}

export const SESSION_ENV = 'LUMIKU_SESSION';

export const createMemorySessionVault = ({ env = {} }: { env?: NodeJS.ProcessEnv } = {}): SessionVault => {
  let session: string | null = null;
  // After logout the environment's session is ignored too: the user asked to be signed out.
  let environmentIgnored = false;
  const fromEnvironment = (): string | null => (environmentIgnored ? null : env[SESSION_ENV]?.trim() || null);
  return {
    get: () => session ?? fromEnvironment(),
    set(token) {
      session = token;
    },
    clear() {
      session = null;
      environmentIgnored = true;
    },
    storage: () => (session !== null ? 'session' : fromEnvironment() !== null ? 'environment' : 'none'),
  };
};
