#!/usr/bin/env -S npx tsx
// `npm run sync-server [-- flags]`: the reference Lumiku server for developing and testing sync (src/syncServer).
import { runSyncServerCli } from '../src/syncServer/cli';

runSyncServerCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
