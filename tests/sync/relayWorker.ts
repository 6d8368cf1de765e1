// Child process for the SIGKILL test: relays one library's outbox to the server until it is killed.
import { openLibrary } from '../../src/main/core';
import { createMemorySessionVault } from '../../src/main/core/sync/sessionVault';
import { MIGRATIONS } from '../helpers/library';

const [dir, serverUrl] = process.argv.slice(2) as [string, string];
await openLibrary({
  dir,
  migrationsFolder: MIGRATIONS,
  watch: true,
  sweepOnOpen: false,
  log: () => {},
  // The session comes in through LUMIKU_SESSION; a long backoff keeps the lost answer unretried until the kill.
  sync: { relay: true, serverUrl, vault: createMemorySessionVault({ env: process.env }), pollMs: 20, backoff: { baseMs: 60_000, capMs: 60_000 }, limits: null, leaseMs: 2000 },
});
process.stdout.write('relaying\n');
