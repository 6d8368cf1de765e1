import type { TokenVault } from '../settings/tokenVault';

/** The token the vault holds right now, for the log to cut out; a vault that cannot be read adds nothing. */
export const vaultSecrets =
  (...vaults: TokenVault[]) =>
  (): string[] =>
    vaults.flatMap((vault) => {
      try {
        const token = vault.get();
        return token ? [token] : [];
      } catch {
        return [];
      }
    });
