#!/usr/bin/env node
// Runs after `npm install`. package.json's allowScripts keeps npm from running electron's own
// install script, which fails the whole install when the download host is unreachable. Here a
// missing Electron binary is a warning: tests, the web app and the CLI work without it.
// Then the app is built, so `npm run web` and the CLI work straight after installing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, buildElectronNative, electronBinaryPresent } from './native-electron.mjs';

const root = PROJECT_ROOT;
const electronInstallScript = path.join(root, 'node_modules', 'electron', 'install.js');
const electronViteBin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
/** A slow line may need a while for ~100 MB; a dead one fails in seconds. */
const DOWNLOAD_TIMEOUT_MS = 15 * 60 * 1000;

const warn = (title, lines) => {
  const body = lines.map((line) => `  ${line}`).join('\n');
  console.warn(`\n──────── WARNING: ${title} ────────\n${body}\n`);
};

const firstLine = (text) => text.split('\n').map((line) => line.trim()).find(Boolean) ?? 'no output';

const ensureElectronBinary = () => {
  // No electron package at all (a production install) or already downloaded: nothing to do.
  if (!existsSync(electronInstallScript) || electronBinaryPresent(root)) return;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('Electron binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); `npm start` will explain how to get it.');
    return;
  }
  console.log('Downloading the Electron binary…');
  const result = spawnSync(process.execPath, [electronInstallScript], { cwd: root, encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS });
  if (result.status === 0 && electronBinaryPresent(root)) return;
  const reason = result.error ? String(result.error) : firstLine(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
  warn('the Electron binary could not be downloaded', [
    `Why: node_modules/electron/install.js failed (${reason}).`,
    '     Usually there is no internet access, or a proxy or firewall blocks the download host.',
    'Still works: `npm test`, `npm run web` (the same app in your browser) and the CLI (`npm run cli -- --help`).',
    'To fix: with internet, run `node node_modules/electron/install.js` (or `npm install` again).',
    '        Behind a mirror, set ELECTRON_MIRROR (e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/) first.',
  ]);
};

const ensureElectronSqlite = () => {
  if (!electronBinaryPresent(root)) return;
  try {
    const result = buildElectronNative({ root, log: (line) => console.log(line) });
    if (result.status === 'built') console.log(`Built better-sqlite3 for Electron: ${path.relative(root, result.file)}`);
  } catch (error) {
    warn('better-sqlite3 could not be built for Electron', [
      ...String(error instanceof Error ? error.message : error).split('\n').slice(0, 40),
      '',
      'Still works: `npm test`, `npm run web` and the CLI (they use the Node build, which is fine).',
      'To fix: `npm start` tries again, or run `node scripts/native-electron.mjs` to see the full error.',
    ]);
  }
};

const buildApp = () => {
  if (!existsSync(electronViteBin)) return; // devDependencies omitted: nothing to build with.
  const started = Date.now();
  const result = spawnSync(process.execPath, [electronViteBin, 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`);
    console.error('\nERROR: `electron-vite build` failed (output above); `npm run web` and the CLI need that build.');
    process.exit(1);
  }
  console.log(`Built the app into out/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
};

ensureElectronBinary();
ensureElectronSqlite();
buildApp();
