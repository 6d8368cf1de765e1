import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../src/main/paths';
import {
  PROJECT_ROOT,
  buildElectronNative,
  buildEnv,
  electronBinaryPresent,
  nativeBindingTarget,
} from '../../scripts/native-electron.mjs';

const temps: string[] = [];
const tempDir = (label: string): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `avatar-creator-${label}-`));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const stagingDirs = (): string[] => readdirSync(os.tmpdir()).filter((name) => name.startsWith('avatar-creator-native-'));

/**
 * A project root with a fake Electron (a shell script running Node) and better-sqlite3 installed
 * pnpm-style, as a symlink to a disposable copy whose build/ holds a marker. The real
 * node_modules/better-sqlite3 is never part of it.
 */
const fakeProject = (): { root: string; marker: string } => {
  const root = tempDir('nb-root');
  const electronDir = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(electronDir, 'dist'), { recursive: true });
  writeFileSync(path.join(electronDir, 'package.json'), JSON.stringify({ version: '41.10.0' }));
  writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
  writeFileSync(path.join(electronDir, 'dist', 'electron'), '#!/bin/sh\nexec node "$@"\n');
  chmodSync(path.join(electronDir, 'dist', 'electron'), 0o755);

  const realPackage = path.join(PROJECT_ROOT, 'node_modules', 'better-sqlite3');
  const copy = path.join(tempDir('nb-pkg'), 'better-sqlite3');
  for (const entry of ['package.json', 'binding.gyp', 'lib']) cpSync(path.join(realPackage, entry), path.join(copy, entry), { recursive: true });
  const marker = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  mkdirSync(path.dirname(marker), { recursive: true });
  writeFileSync(marker, 'the Node build');
  symlinkSync(copy, path.join(root, 'node_modules', 'better-sqlite3'));
  for (const tool of ['prebuild-install', 'node-gyp']) symlinkSync(path.join(PROJECT_ROOT, 'node_modules', tool), path.join(root, 'node_modules', tool));
  return { root, marker };
};

describe('the build environment', () => {
  it('drops npm settings that would build against Node instead of Electron', () => {
    const env = buildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      Npm_Config_NodeDir: '/usr',
      npm_config_target: '20.20.2',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_cache: '/tmp/cache',
      HTTPS_PROXY: 'http://proxy:8080',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/tmp/cache', HTTPS_PROXY: 'http://proxy:8080' });
  });
});

describe('where the Electron build goes', () => {
  it('is the same path in the script and in the app', () => {
    for (const [version, platform, arch] of [
      ['41.10.0', 'linux', 'x64'],
      ['41.10.0', 'darwin', 'arm64'],
      ['42.0.0-beta.1', 'win32', 'ia32'],
    ] as const) {
      expect(nativeBindingTarget({ root: '/project', version, platform, arch })).toBe(electronNativeBindingPath('/project', version, platform, arch));
    }
    expect(nativeBindingTarget({ root: '/project', version: '41.10.0', platform: 'linux', arch: 'x64' })).toBe(
      path.join('/project', '.native', 'electron-41.10.0-linux-x64', 'better_sqlite3.node'),
    );
  });
});

describe('finding the Electron binary', () => {
  it('needs both path.txt and the binary it names', () => {
    const root = tempDir('nb-detect');
    const electronDir = path.join(root, 'node_modules', 'electron');
    mkdirSync(path.join(electronDir, 'dist'), { recursive: true });
    expect(electronBinaryPresent(root)).toBe(false);
    writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    expect(electronBinaryPresent(root)).toBe(false);
    writeFileSync(path.join(electronDir, 'dist', 'electron'), '');
    expect(electronBinaryPresent(root)).toBe(true);
  });

  it('refuses to build without a binary and says how to get one', () => {
    expect(() => buildElectronNative({ root: tempDir('nb-none') })).toThrow(/node node_modules\/electron\/install\.js/);
  });
});

describe.skipIf(process.platform === 'win32')('a failed Electron build', () => {
  it('leaves the Node build, the target and the temp dir as they were, even with nodedir set', () => {
    const { root, marker } = fakeProject();
    const before = new Set(stagingDirs());
    // Both download hosts are made unreachable and the header cache empty, so every attempt
    // fails fast here and with internet alike. A leaked nodedir would instead compile
    // against Node's headers and produce a target, which is the bug this guards against.
    const blackhole = 'http://127.0.0.1:9';
    const env = {
      ...process.env,
      npm_config_nodedir: '/usr',
      NPM_CONFIG_NODEDIR: '/usr',
      npm_config_devdir: tempDir('nb-devdir'),
      npm_config_proxy: blackhole,
      npm_config_https_proxy: blackhole,
      HTTPS_PROXY: blackhole,
      https_proxy: blackhole,
      NO_PROXY: '',
      no_proxy: '',
    };
    expect(() => buildElectronNative({ root, env })).toThrow(/Could not build better-sqlite3 for Electron 41\.10\.0[\s\S]*prebuild-install[\s\S]*node-gyp/);
    expect(readFileSync(marker, 'utf8')).toBe('the Node build');
    expect(existsSync(nativeBindingTarget({ root, version: '41.10.0' }))).toBe(false);
    expect(stagingDirs().filter((name) => !before.has(name))).toEqual([]);
  }, 120_000);
});
