import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, buildElectronNative, electronBinaryPath } from '../../scripts/native-electron.mjs';
import type { Avatar, ProjectSummary } from '../../src/shared/domain';
import type { Result } from '../../src/shared/result';
import type { PreloadBridge } from '../../src/shared/transport';
import { makeImage } from '../helpers/images';

const electronBinary = electronBinaryPath();
if (!electronBinary) {
  console.warn(
    'Electron binary not installed here (node_modules/electron/dist is missing: offline install or ELECTRON_SKIP_BINARY_DOWNLOAD); ' +
      'skipping Electron E2E — run `node node_modules/electron/install.js` where there is internet',
  );
}

const PROJECT = 'Electron E2E project';
const PERSONA = 'Ana Lima';

/** Runs in the page: the bridge the preload exposed, the only way the renderer reaches the app. */
const invoke = <T>(page: Page, command: string, input: unknown): Promise<Result<T>> =>
  page.evaluate(
    ([name, args]) => (globalThis as unknown as { avatarCreator: PreloadBridge }).avatarCreator.invoke(name, args),
    [command, input] as const,
  ) as Promise<Result<T>>;

const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

const eventually = async (check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe.skipIf(!electronBinary)('the desktop app', () => {
  let scratch: string;
  let libraryDir: string;
  let imageFile: string;
  let app: ElectronApplication | null = null;

  const launch = async (): Promise<Page> => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    delete env.ELECTRON_RENDERER_URL;
    Object.assign(env, { AVATAR_CREATOR_LIBRARY: libraryDir, XDG_CONFIG_HOME: path.join(scratch, 'config') });
    app = await _electron.launch({
      executablePath: electronBinary!,
      // The project root, as `electron .` would: app.getAppPath() must be where out/ and drizzle/ are.
      // Chromium refuses to run as root with its sandbox (CI containers); the app's own settings stay on.
      args: [PROJECT_ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return page;
  };

  const quit = async (): Promise<void> => {
    await app?.close();
    app = null;
  };

  beforeAll(async () => {
    if (!existsSync(path.join(PROJECT_ROOT, 'out', 'main', 'index.js'))) throw new Error('Build the app first: `npm run build`.');
    buildElectronNative({ log: (line) => console.log(line) });
    scratch = mkdtempSync(path.join(os.tmpdir(), 'avatar-creator-e2e-'));
    libraryDir = path.join(scratch, 'library');
    imageFile = path.join(scratch, 'portrait.png');
    writeFileSync(imageFile, await makeImage('png', 800, 600));
  }, 300_000);

  afterAll(async () => {
    await quit();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('creates a project, uploads an image and edits the persona, and keeps them across a restart', async () => {
    const page = await launch();
    expect(page.url()).toBe('app://renderer/index.html');
    // Only the two-method bridge reaches the page: no Node, no Electron.
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { avatarCreator: object }).avatarCreator).sort())).toEqual(['invoke', 'onEvent']);
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).process)).toBe('undefined');
    expect((await invoke(page, 'fs.readFile', {})).ok).toBe(false);

    await page.getByRole('button', { name: 'New project' }).first().click();
    await page.getByLabel('Project name').fill(PROJECT);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByText(PROJECT).first().waitFor();

    await page.getByTestId('upload-input').setInputFiles(imageFile);
    await page.getByRole('dialog').getByRole('button', { name: /^Upload/ }).click();
    const card = page.getByTestId('avatar-card').first();
    await card.waitFor();
    if (await page.getByRole('dialog').isVisible()) await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();

    // The thumbnail really came through avatar-image://, not just an <img> tag.
    const thumb = card.locator('img[src^="avatar-image://"]').first();
    await eventually(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0), 'the thumbnail to load');

    await card.click();
    const detail = page.getByTestId('avatar-detail');
    await detail.getByLabel('Persona name').fill(PERSONA);
    await detail.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () => valueOf(await invoke<Avatar[]>(page, 'avatars.list', {}))[0]?.persona.name === PERSONA, 'the persona to be saved');
    expect(existsSync(path.join(libraryDir, 'library.db'))).toBe(true);

    await quit();
    const again = await launch();
    const projects = valueOf(await invoke<ProjectSummary[]>(again, 'projects.list', {}));
    expect(projects.map((project) => project.name)).toContain(PROJECT);
    const [avatar] = valueOf(await invoke<Avatar[]>(again, 'avatars.list', {}));
    expect(avatar?.persona.name).toBe(PERSONA);
    await again.getByText(PROJECT).first().click();
    await again.getByTestId('avatar-card').first().click();
    expect(await again.getByTestId('avatar-detail').getByLabel('Persona name').inputValue()).toBe(PERSONA);
  });

  it('deletes the avatar and its files', async () => {
    const page = app ? await app.firstWindow() : await launch();
    const [avatar] = valueOf(await invoke<Avatar[]>(page, 'avatars.list', {}));
    expect(avatar).toBeDefined();
    await page.getByRole('button', { name: 'Delete avatar' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually(async () => valueOf(await invoke<Avatar[]>(page, 'avatars.list', {})).length === 0, 'the avatar to be deleted');
    await page.getByTestId('avatar-card').first().waitFor({ state: 'detached' });
    const files = ['images', 'thumbs'].flatMap((dir) => readdirSync(path.join(libraryDir, dir)));
    expect(files.filter((name) => name.startsWith(avatar!.id))).toEqual([]);
  });
});
