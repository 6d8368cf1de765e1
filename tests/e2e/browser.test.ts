import { rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebBridge, type WebBridge } from '../../src/web/server';
import { RENDERER_DIR, startTestBridge, type TestBridge } from '../helpers/bridge';
import { launchChromium } from '../helpers/browser';
import { runCli } from '../helpers/cli';
import { makeImage } from '../helpers/images';
import { tempDir } from '../helpers/library';
import { dropFiles, naturalWidth } from './dropFiles';

const WAIT = { timeout: 10_000 };
const POLL = { timeout: 10_000, interval: 100 };
const PROJECT = 'Browser E2E';

/** Raw http, so the test sets Origin and leaves out the token exactly as it means to. */
const post = (port: number, path: string, headers: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end('{}');
  });

describe('the renderer in a real browser, through the web bridge', () => {
  let t: TestBridge;
  let browser: Browser;
  let page: Page;
  let projectId = '';
  let files = '';
  let restarted: WebBridge | null = null;
  /** Anything the page logged as an error or threw: a clean run has none. */
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestBridge();
    files = tempDir('e2e-files');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs each refused reconnect while the bridge is down on purpose (see below).
      if (message.type() === 'error' && !/^WebSocket connection to .* failed/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await restarted?.close();
    await t?.dispose();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  const avatarsInLibrary = async () => t.lib.must('avatars.list', { projectId });

  it('starts empty and creates a project', async () => {
    await page.goto(t.bridge.url);
    await page.getByText('No projects yet').waitFor(WAIT);
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByLabel('Project name').fill(PROJECT);
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor(WAIT);
    await page.getByText('No avatars yet').waitFor(WAIT);
    const projects = await t.lib.must('projects.list', {});
    expect(projects.map((project) => project.name)).toEqual([PROJECT]);
    projectId = projects[0]!.id;
  });

  it('adds an image dropped onto the project and shows its thumbnail', async () => {
    const png = await makeImage('png', 640, 480);
    await dropFiles(page.getByText('No avatars yet'), [{ name: 'ana-lima.png', type: 'image/png', bytes: png }]);

    const dialog = page.getByRole('dialog', { name: 'Add 1 image' });
    await dialog.waitFor(WAIT);
    await expect.poll(() => naturalWidth(dialog.getByTestId('upload-row').locator('img')), POLL).toBe(640);
    await dialog.getByRole('button', { name: /^Upload 1 image/ }).click();
    await dialog.getByText('Added to the project.').waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });

    const cards = page.getByTestId('avatar-card');
    await expect.poll(() => cards.count(), POLL).toBe(1);
    const thumb = cards.first().locator('img');
    expect(await thumb.getAttribute('src')).toMatch(/^\/images\/ava_[0-9a-z]{24}\/thumb$/);
    // The library's 300×300 cover thumbnail, fetched with the bridge's cookie.
    await expect.poll(() => naturalWidth(thumb), POLL).toBe(300);
    const [avatar] = await avatarsInLibrary();
    expect(avatar).toMatchObject({ name: 'ana lima', image: { width: 640, height: 480, format: 'png' } });
  });

  it('edits the persona, saves it, and still has it after a reload', async () => {
    await page.getByTestId('avatar-card').first().click();
    const detail = page.getByTestId('avatar-detail');
    await detail.getByLabel('Persona name').fill('Ana Lima');
    await detail.getByLabel('Age', { exact: true }).fill('31');
    await detail.getByLabel('Personality traits').fill('Curious');
    await detail.getByLabel('Personality traits').press('Enter');
    await detail.getByLabel('Gender').selectOption('female');
    await detail.getByRole('button', { name: 'Save', exact: true }).click();
    await detail.getByText('All changes saved').waitFor(WAIT);

    const [saved] = await avatarsInLibrary();
    expect(saved?.persona).toEqual({ name: 'Ana Lima', age: 31, personality: ['Curious'], background: null });
    expect(saved?.attributes.gender).toBe('female');

    await page.evaluate(() => Object.assign(globalThis, { beforeReload: true }));
    await page.reload();
    expect(await page.evaluate(() => 'beforeReload' in globalThis)).toBe(false);
    // The URL keeps the open project and avatar, so the panel comes back with the saved values.
    const again = page.getByTestId('avatar-detail');
    await expect.poll(() => again.getByLabel('Persona name').inputValue(), POLL).toBe('Ana Lima');
    expect(await again.getByLabel('Age', { exact: true }).inputValue()).toBe('31');
    expect(await again.getByRole('listitem').filter({ hasText: 'Curious' }).count()).toBe(1);
    expect(await page.getByTestId('avatar-card').first().textContent()).toContain('Ana Lima, 31');
  });

  it('refuses a file that is not an image, says why, and adds nothing', async () => {
    await dropFiles(page.getByRole('heading', { level: 1, name: PROJECT }), [
      { name: 'holiday.png', type: 'image/png', bytes: new TextEncoder().encode('<!doctype html><html><body>not an image</body></html>') },
    ]);
    const dialog = page.getByRole('dialog', { name: 'Add 1 image' });
    await dialog.getByLabel('Persona name').fill('Kept on error');
    await dialog.getByRole('button', { name: /^Upload 1 image/ }).click();

    const row = dialog.getByTestId('upload-row');
    await row.getByText('The file is not a JPEG, PNG or WebP image.').waitFor(WAIT);
    expect(await dialog.getByText('0 of 1 added · 1 failed').count()).toBe(1);
    // What was typed survives the failure.
    expect(await dialog.getByLabel('Persona name').inputValue()).toBe('Kept on error');
    expect(await avatarsInLibrary()).toHaveLength(1);

    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByTestId('avatar-card').count()).toBe(1);
  });

  it('deletes the avatar after asking', async () => {
    const detail = page.getByTestId('avatar-detail');
    await detail.getByRole('button', { name: 'Delete avatar' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('This cannot be undone.').waitFor(WAIT);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();

    await page.getByTestId('avatar-card').first().waitFor({ state: 'detached', ...WAIT });
    await detail.waitFor({ state: 'detached', ...WAIT });
    await page.getByText('No avatars yet').waitFor(WAIT);
    expect(await avatarsInLibrary()).toEqual([]);
  });

  it('shows what another process changes, without a reload', async () => {
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));

    // Into the open project, from the CLI: the card appears.
    const file = path.join(files, 'from-cli.jpg');
    writeFileSync(file, await makeImage('jpeg', 320, 320));
    const uploaded = await runCli(['--library', t.lib.dir, 'avatar', 'upload', projectId, file, '--json']);
    expect(uploaded.code, uploaded.stderr).toBe(0);
    await expect.poll(() => page.getByTestId('avatar-card').count(), POLL).toBe(1);
    expect(await page.getByTestId('avatar-card').first().textContent()).toContain('from cli');

    // A new project, from the CLI: its card appears in the list.
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByTestId('project-card').first().waitFor(WAIT);
    const created = await runCli(['--library', t.lib.dir, 'project', 'create', 'From CLI', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const card = page.getByTestId('project-card').filter({ hasText: 'From CLI' });
    await card.waitFor(WAIT);
    // Newest first.
    expect(await page.getByTestId('project-card').first().textContent()).toContain('From CLI');
    expect(await page.getByTestId('project-card').filter({ hasText: PROJECT }).textContent()).toContain('1 avatar');
    expect(await page.evaluate(() => 'sameDocument' in globalThis)).toBe(true);
  });

  it('catches up on what it missed while the event stream was down', async () => {
    const { port, token } = t.bridge;
    await t.bridge.close();
    await page.getByText('Live updates paused').waitFor(WAIT);

    // Made while nobody could be told: only a reload of the snapshot can show it.
    await t.lib.must('projects.create', { name: 'While offline' });
    restarted = await startWebBridge({ library: t.lib.library, rendererDir: RENDERER_DIR, port, token });

    await page.getByTestId('project-card').filter({ hasText: 'While offline' }).waitFor({ timeout: 20_000 });
    await page.getByText('Live updates paused').waitFor({ state: 'detached', ...WAIT });
    expect(await page.evaluate(() => 'sameDocument' in globalThis)).toBe(true);
  });

  it('the bridge refuses calls without the token (401) and from another origin (403)', async () => {
    const { port, token, origin } = t.bridge;
    expect(await post(port, '/api/invoke/projects.list', { host: `127.0.0.1:${port}` })).toBe(401);
    expect(await post(port, '/api/invoke/projects.list', { host: `127.0.0.1:${port}`, 'x-avatar-token': 'wrong' })).toBe(401);
    expect(await post(port, '/api/invoke/projects.list', { host: `127.0.0.1:${port}`, 'x-avatar-token': token, origin: 'http://evil.example' })).toBe(403);
    expect(await post(port, '/api/invoke/projects.list', { host: `127.0.0.1:${port}`, 'x-avatar-token': token, origin })).toBe(200);
  });

  it('logged no errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
