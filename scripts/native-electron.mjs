#!/usr/bin/env node
// better-sqlite3 built for Electron, beside (never instead of) the Node build in node_modules
// that the tests and the CLI load. Built in a staging copy, so a failed build can never leave
// node_modules/better-sqlite3/build broken. `node scripts/native-electron.mjs [--force]`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** npm settings that would make the child build for the wrong runtime: npm here sets nodedir=/usr. */
const LEAKY_NPM_CONFIG = /^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i;

export const electronVersion = (root = PROJECT_ROOT) =>
  JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** The same test as electron's own install.js: path.txt names the binary, and the binary is there. */
export const electronBinaryPath = (root = PROJECT_ROOT) => {
  const electronDir = path.join(root, 'node_modules', 'electron');
  try {
    const relative = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(electronDir, 'dist', relative);
    return relative && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
};

export const electronBinaryPresent = (root = PROJECT_ROOT) => electronBinaryPath(root) !== null;

/** Must match `electronNativeBindingPath` in src/main/paths.ts (a test checks they agree). */
export const nativeBindingTarget = ({ root = PROJECT_ROOT, version, platform = process.platform, arch = process.arch }) =>
  path.join(root, '.native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');

/** The environment for the build tools, minus anything that would point them at Node's headers. */
export const buildEnv = (env = process.env) => Object.fromEntries(Object.entries(env).filter(([key]) => !LEAKY_NPM_CONFIG.test(key)));

const run = (command, args, options) => {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
};

const lastLines = (text, count = 25) => text.trim().split('\n').slice(-count).join('\n');

/** Loads the addon inside Electron itself: the one proof that it was built for Electron's ABI. */
const verifyInElectron = (root, binary, addon, env) => {
  const probe = `const D = require(${JSON.stringify(path.join(root, 'node_modules', 'better-sqlite3'))});` +
    `new D(':memory:', { nativeBinding: ${JSON.stringify(addon)} }).prepare('select 1').get();`;
  return run(binary, ['-e', probe], { env: { ...env, ELECTRON_RUN_AS_NODE: '1' } });
};

/**
 * Ensures `.native/electron-<version>-<platform>-<arch>/better_sqlite3.node` exists and loads in
 * Electron. Tries the published prebuild first (seconds), then compiles against Electron's
 * headers (about a minute). Throws with the tools' output when both fail.
 */
/**
 * Copies the package into `staging`, following symlinks (pnpm and `npm link` install packages as
 * links; copying the link would make every later step run on the real package). The checks
 * after the copy are what guarantees node-gyp's clean step can only ever delete the copy's build/.
 */
const stagePackage = (sourceDir, staging) => {
  const realSource = realpathSync(sourceDir);
  const pkgDir = path.join(staging, 'better-sqlite3');
  const skip = path.join(realSource, 'build');
  cpSync(realSource, pkgDir, { recursive: true, dereference: true, filter: (source) => source !== skip });
  const realPkgDir = realpathSync(pkgDir);
  if (lstatSync(pkgDir).isSymbolicLink() || path.dirname(realPkgDir) !== realpathSync(staging)) {
    throw new Error(`Refusing to build: the staging copy ${pkgDir} is not a plain directory inside ${staging}.`);
  }
  return realPkgDir;
};

/**
 * Ensures `.native/electron-<version>-<platform>-<arch>/better_sqlite3.node` exists and loads in
 * Electron. Tries the published prebuild first (seconds), then compiles against Electron's
 * headers (about a minute). Throws with the tools' output when both fail.
 */
export const buildElectronNative = ({ root = PROJECT_ROOT, force = false, log = () => {}, env: parentEnv = process.env } = {}) => {
  const binary = electronBinaryPath(root);
  if (!binary) throw new Error('The Electron binary is not installed (node_modules/electron/dist); run `node node_modules/electron/install.js`.');
  const version = electronVersion(root);
  const target = nativeBindingTarget({ root, version });
  if (!force && existsSync(target)) return { status: 'exists', file: target };

  const staging = mkdtempSync(path.join(os.tmpdir(), 'avatar-creator-native-'));
  const env = buildEnv(parentEnv);
  try {
    const pkgDir = stagePackage(path.join(root, 'node_modules', 'better-sqlite3'), staging);
    const built = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
    const attempts = [];

    log(`Fetching better-sqlite3 prebuilt for Electron ${version}…`);
    const prebuild = run(process.execPath, [
      path.join(root, 'node_modules', 'prebuild-install', 'bin.js'),
      '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform,
    ], { cwd: pkgDir, env });
    attempts.push(`prebuild-install:\n${lastLines(prebuild.output)}`);

    let verified = prebuild.ok && existsSync(built) ? verifyInElectron(root, binary, built, env) : { ok: false, output: '' };
    if (!verified.ok) {
      if (prebuild.ok) attempts.push(`prebuilt binary failed to load in Electron:\n${lastLines(verified.output)}`);
      log(`No usable prebuild; compiling better-sqlite3 against Electron ${version} headers (about a minute)…`);
      rmSync(path.join(pkgDir, 'build'), { recursive: true, force: true });
      const gyp = run(process.execPath, [
        path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
        'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`,
      ], { cwd: pkgDir, env });
      attempts.push(`node-gyp:\n${lastLines(gyp.output)}`);
      verified = gyp.ok && existsSync(built) ? verifyInElectron(root, binary, built, env) : { ok: false, output: '' };
      if (gyp.ok && !verified.ok) attempts.push(`compiled binary failed to load in Electron:\n${lastLines(verified.output)}`);
    }
    if (!verified.ok) throw new Error(`Could not build better-sqlite3 for Electron ${version}.\n\n${attempts.join('\n\n')}`);

    // Copy then rename, so an interrupted run never leaves a half-written addon at the target.
    mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    copyFileSync(built, partial);
    renameSync(partial, target);
    return { status: 'built', file: target };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    const result = buildElectronNative({ force: process.argv.includes('--force'), log: (line) => console.log(line) });
    console.log(result.status === 'exists' ? `Already built: ${result.file}` : `Built ${result.file}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
