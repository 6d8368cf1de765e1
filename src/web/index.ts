import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { chooseLibraryDir, createMemorySessionVault, createAppLog, defaultLogDir, generationFromSettings, openLibrary, openNodeShellSettings, vaultSecrets } from '../main/core';
import { startWebBridge } from './server';

// Built to out/main/web.js; the renderer and the migrations sit at fixed places beside it.
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../renderer');
const MIGRATIONS_DIR = path.resolve(here, '../../drizzle');

const appVersion = (): string => {
  try {
    return (JSON.parse(readFileSync(path.resolve(here, '../../package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
};

const usage = 'Usage: npm run web -- [--port N] [--library DIR]';

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, library: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a whole number from 0 to 65535.\n${usage}`);
  // The desktop app's settings file, followed live; the token from HF_TOKEN or set for this session in the page.
  const { settings, vault } = await openNodeShellSettings({ env: process.env, watch: true });
  const dir = chooseLibraryDir(values.library, settings.get().libraryLocation);
  const appLog = createAppLog({ dir: defaultLogDir(), secrets: vaultSecrets(vault), console: true });
  const library = await openLibrary({
    dir,
    migrationsFolder: MIGRATIONS_DIR,
    watch: true,
    log: appLog.error,
    recentErrors: appLog.recentErrors,
    about: { appVersion: appVersion(), shell: 'web' },
    settings,
    vault,
    generation: generationFromSettings({ settings, secrets: { hfToken: async () => vault.get() }, runJobs: true }),
    // The bridge relays the sync outbox; the Lumiku session lives in memory (or LUMIKU_SESSION).
    sync: { relay: true, vault: createMemorySessionVault({ env: process.env }) },
  });
  const bridge = await startWebBridge({ library, rendererDir: RENDERER_DIR, port });
  console.log(`Avatar Creator web bridge on ${bridge.origin} (library: ${library.dir})`);
  console.log('Open this URL (it carries this run’s access token):');
  console.log(bridge.url);
  appLog.info(`web bridge started on ${bridge.origin} (library: ${library.dir})`);

  const stop = async () => {
    await bridge.close();
    await library.close();
    settings.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
