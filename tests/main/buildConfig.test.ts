import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const config = parse(readFileSync(`${root}/electron-builder.yml`, 'utf8')) as Record<string, unknown> & {
  directories: { buildResources: string; output: string };
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  win: { target: string[] };
  mac: { target: { target: string; arch: string[] }[] };
  linux: { target: string[] };
};

/** The packaging contract, checked without an Electron binary: what each target builds and what goes in. */
describe('electron-builder configuration', () => {
  it('builds nsis for Windows, a universal dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packs the built app in an asar, with the native modules unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['out/**', 'package.json']);
    for (const native of ['better-sqlite3', 'sharp', '@img']) expect(config.asarUnpack.join()).toContain(native);
    expect(config.npmRebuild).toBe(true);
  });

  it('ships the migrations, which also seed the built-in presets, beside the app', () => {
    expect(config.extraResources).toContainEqual({ from: 'drizzle', to: 'drizzle' });
    const migrations = readdirSync(`${root}/drizzle`).filter((name) => name.endsWith('.sql'));
    expect(migrations.some((name) => readFileSync(`${root}/drizzle/${name}`, 'utf8').includes('INSERT INTO `presets`'))).toBe(true);
    const paths = readFileSync(`${root}/src/main/paths.ts`, 'utf8');
    expect(paths).toContain("path.join(resourcesPath, 'drizzle')");
  });

  it('has a square icon of at least 1024 px where electron-builder looks for it', async () => {
    const icon = await sharp(`${root}/${config.directories.buildResources}/icon.png`).metadata();
    expect(icon).toMatchObject({ format: 'png', width: 1024, height: 1024 });
  });

  it('names the app as the shells expect and keeps build output out of the sources', () => {
    expect(config.productName).toBe('Avatar Creator');
    expect(config.appId).toBe('com.lumiku.avatarcreator');
    expect(config.directories.output).toBe('dist');
    expect(readFileSync(`${root}/.gitignore`, 'utf8')).toMatch(/^\/?dist\/?$/m);
  });
});
