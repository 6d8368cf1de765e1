import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebBridge, type WebBridge } from '../../src/web/server';
import { RENDERER_DIR } from '../helpers/bridge';
import { collectPageProblems, launchChromium } from '../helpers/browser';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

const WAIT = { timeout: 20_000 };
const POLL = { timeout: 20_000, interval: 50 };
const TOKEN = 'hf_e2eSessionSecret0123456789abcdef';
const ACCOUNT = 'e2e-user';

/** The Hub's whoami as token.verify sees it: this token is Ana's, any other is refused. */
const fakeHub: typeof fetch = async (_url, init) => {
  const authorization = new Headers(init?.headers).get('authorization');
  return authorization === `Bearer ${TOKEN}` ? Response.json({ name: ACCOUNT }) : new Response('{"error":"Invalid credentials"}', { status: 401 });
};

/** Everything the page holds as text: its markup and the value of every field. */
const pageText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { body: { innerHTML: string }; querySelectorAll(selector: string): Iterable<{ value: string }> } }).document;
    return [doc.body.innerHTML, ...[...doc.querySelectorAll('input, textarea, select')].map((field) => field.value)].join('\n');
  });

const theme = (page: Page): Promise<{ attribute: string | undefined; background: string }> =>
  page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string | undefined> }; body: unknown } }).document;
    const style = (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(doc.body);
    return { attribute: doc.documentElement.dataset.theme, background: style.backgroundColor };
  });

describe('Settings in a real browser, through the web bridge', () => {
  let lib: TestLibrary;
  let bridge: WebBridge;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    lib = await openTestLibrary({ watch: true, hubFetch: fakeHub });
    bridge = await startWebBridge({ library: lib.library, rendererDir: RENDERER_DIR });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page.setDefaultTimeout(WAIT.timeout);
    collectPageProblems(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    await lib?.dispose();
  });

  const section = (name: string) => page.getByRole('region', { name });
  const generation = () => section('Generation');

  it('is reached from the top bar and shows the stored settings', async () => {
    await page.goto(`${bridge.url}#/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
    expect(await generation().getByRole('spinbutton', { name: 'Concurrency' }).inputValue()).toBe('4');
    expect(await generation().getByRole('radio', { name: /^Hugging Face/ }).isChecked()).toBe(true);
    expect(await section('Library location').getByTestId('library-location').textContent()).toContain('default folder');
  });

  it('checks at the field, keeps what was typed, and shows the library’s own issues there too', async () => {
    const concurrency = generation().getByRole('spinbutton', { name: 'Concurrency' });
    await concurrency.fill('40');
    await generation().getByRole('button', { name: 'Save generation settings' }).click();
    await generation().getByText('Enter a whole number from 1 to 32.').waitFor(WAIT);
    expect(await concurrency.getAttribute('aria-invalid')).toBe('true');
    expect(await concurrency.inputValue()).toBe('40');

    // A name only the library can judge: its VALIDATION_FAILED issue lands at the field.
    await concurrency.fill('7');
    const provider = generation().getByLabel('Inference provider');
    await provider.fill('no-such-provider');
    await generation().getByRole('button', { name: 'Save generation settings' }).click();
    await generation().getByText(/^Must be auto or one of:/).waitFor(WAIT);
    expect(await provider.getAttribute('aria-invalid')).toBe('true');
    expect(await provider.inputValue()).toBe('no-such-provider');
    expect(await concurrency.inputValue()).toBe('7');
    expect((await lib.must('settings.get', {})).generation.concurrency).toBe(4);
  });

  it('saves concurrency, which the running queue takes at once, and it is still there after a reload', async () => {
    await generation().getByLabel('Inference provider').fill('auto');
    await generation().getByRole('button', { name: 'Save generation settings' }).click();
    await generation().getByText('Saved.').waitFor(WAIT);
    expect((await lib.must('settings.get', {})).generation.concurrency).toBe(7);
    await expect.poll(async () => (await lib.must('queue.status', {})).concurrency.ceiling, POLL).toBe(7);
    await page.reload();
    await generation().waitFor(WAIT);
    expect(await generation().getByRole('spinbutton', { name: 'Concurrency' }).inputValue()).toBe('7');
  });

  it('follows a change made elsewhere, without losing a field being edited', async () => {
    await generation().getByRole('spinbutton', { name: 'Retry attempts' }).fill('3');
    await lib.must('settings.update', { generation: { steps: 12 } });
    await expect.poll(() => generation().getByRole('spinbutton', { name: 'Steps' }).inputValue(), POLL).toBe('12');
    expect(await generation().getByRole('spinbutton', { name: 'Retry attempts' }).inputValue()).toBe('3');
    await generation().getByRole('button', { name: 'Discard changes' }).click();
    expect(await generation().getByRole('spinbutton', { name: 'Retry attempts' }).inputValue()).toBe('5');
  });

  it('applies the theme live, and a fresh window (no local memory) opens in it', async () => {
    expect(await theme(page)).toMatchObject({ background: 'rgb(244, 245, 247)' });
    await section('Appearance and notifications').getByRole('radio', { name: /^Dark/ }).check();
    await expect.poll(() => theme(page), POLL).toEqual({ attribute: 'dark', background: 'rgb(13, 15, 19)' });
    await expect.poll(async () => (await lib.must('settings.get', {})).theme, POLL).toBe('dark');
    await page.reload();
    await expect.poll(() => theme(page), POLL).toEqual({ attribute: 'dark', background: 'rgb(13, 15, 19)' });

    const fresh = await browser.newPage({ colorScheme: 'light' });
    await fresh.goto(`${bridge.url}#/`);
    await expect.poll(() => theme(fresh), POLL).toEqual({ attribute: 'dark', background: 'rgb(13, 15, 19)' });
    // "System" follows the computer: dark here because the window asks for dark.
    await lib.must('settings.update', { theme: 'system' });
    await expect.poll(() => theme(fresh), POLL).toEqual({ attribute: 'system', background: 'rgb(244, 245, 247)' });
    await fresh.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await theme(fresh)).background, POLL).toBe('rgb(13, 15, 19)');
    await fresh.close();
  });

  it('keeps a token for this session only, says so, and never shows it again', async () => {
    await page.goto(`${bridge.url}#/settings/token`);
    const token = section('Hugging Face token');
    await token.getByTestId('token-chip').getByText('Not set').waitFor(WAIT);
    expect(await token.getByTestId('token-session-only').textContent()).toContain('for this session only');
    await token.getByLabel('Token', { exact: true }).fill(TOKEN);
    await token.getByRole('button', { name: 'Use for this session' }).click();
    await token.getByTestId('token-chip').getByText('Set, not checked').waitFor(WAIT);
    expect(await token.getByTestId('token-storage').textContent()).toContain('for this session only');
    await token.getByText('Token set for this session only.').waitFor(WAIT);
    expect(await lib.must('token.status', {})).toMatchObject({ state: 'set', storage: 'session' });
    expect(await pageText(page)).not.toContain(TOKEN);
    expect(await pageText(page)).not.toContain(TOKEN.slice(3, 20));

    await token.getByRole('button', { name: 'Verify' }).click();
    await token.getByTestId('token-chip').getByText(`Valid (${ACCOUNT})`).waitFor(WAIT);
    expect(await pageText(page)).not.toContain(TOKEN);
  });

  it('asks before removing the token, and hears of a token set elsewhere', async () => {
    const token = section('Hugging Face token');
    await token.getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove the Hugging Face token?' });
    await confirm.getByRole('button', { name: 'Remove token' }).click();
    await token.getByTestId('token-chip').getByText('Not set').waitFor(WAIT);
    expect((await lib.must('token.status', {})).state).toBe('unset');

    await lib.must('token.set', { token: 'hf_setFromTheCommandLine123', keep: 'session' });
    await token.getByTestId('token-chip').getByText('Set, not checked').waitFor(WAIT);
    expect(problems).toEqual([]);
  });

  it('copies diagnostics without the token: shown selected where the clipboard is closed, on the clipboard where it is open', async () => {
    await lib.must('token.set', { token: TOKEN, keep: 'session' });
    // A window that may not write the clipboard, as the desktop one (it grants no permissions).
    const closed = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await closed.addInitScript(() => {
      const clipboard = (globalThis as unknown as { navigator: { clipboard: { writeText(text: string): Promise<void> } } }).navigator.clipboard;
      clipboard.writeText = () => Promise.reject(new Error('NotAllowedError'));
    });
    const first = await closed.newPage();
    await first.goto(`${bridge.url}#/settings/library`);
    // A browser cannot pick a folder on this computer: it says how to move the library instead.
    expect(await first.getByTestId('move-library-hint').textContent()).toContain('avatar-creator library move');
    const diagnostics = first.getByTestId('diagnostics');
    await diagnostics.getByRole('button', { name: 'Copy diagnostics' }).click();
    const fallback = diagnostics.getByRole('textbox');
    await fallback.waitFor(WAIT);
    const shown = await fallback.inputValue();
    expect(JSON.parse(shown)).toMatchObject({ runtime: { platform: process.platform }, token: { state: 'set', storage: 'session' }, library: { projects: 0 } });
    expect(shown).not.toContain(TOKEN);
    await closed.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bridge.origin });
    const second = await context.newPage();
    await second.goto(`${bridge.url}#/settings/library`);
    await second.getByTestId('diagnostics').getByRole('button', { name: 'Copy diagnostics' }).click();
    await second.getByText('Diagnostics copied').waitFor(WAIT);
    const copied = await second.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(JSON.parse(copied)).toMatchObject({ token: { state: 'set' } });
    expect(copied).not.toContain(TOKEN);
    await context.close();
    expect(problems).toEqual([]);
  });
});
