#!/usr/bin/env node
// The CLI is built with the app (out/main/cli.js). Build it on first use so a fresh checkout just works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = new URL('../out/main/cli.js', import.meta.url);

if (!existsSync(entry)) {
  process.stderr.write('Building Avatar Creator (first run)…\n');
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)), 'build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    process.stderr.write('The build failed; run `npm run build` to see why.\n');
    process.exit(1);
  }
}

await import(entry.href);
