import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generationFromEnvironment } from '../../src/main/core';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { startTestBridge, type TestBridge } from '../helpers/bridge';
import { collectPageProblems, launchChromium } from '../helpers/browser';
import { InvokeLog, generateFromDialog, hasFocus, readTray } from './generateKit';

const TOKEN = 'hf_test_token';
/** Long enough that a bar visibly moves and a cancel lands mid-flight, with room to spare on a slow machine. */
const LATENCY_MS = 2500;
const WAIT = { timeout: 15_000 };
const POLL = { timeout: 15_000, interval: 50 };

describe('generating avatars in a real browser, through the web bridge and the real Hugging Face client', () => {
  let fake: FakeInference;
  let t: TestBridge;
  let browser: Browser;
  let page: Page;
  let projectId = '';
  /** The token the server reads per request: the test changes it the way a user would fix HF_TOKEN. */
  const env: NodeJS.ProcessEnv = { HF_TOKEN: TOKEN };
  const invokes = new InvokeLog();
  const problems: string[] = [];

  beforeAll(async () => {
    // Small PNGs whatever size is asked for: encoding 1024² images would only slow the test.
    fake = await startFakeInference({ token: TOKEN, imageSize: { width: 256, height: 256 } });
    env.AVATAR_CREATOR_HF_ENDPOINT = fake.url;
    t = await startTestBridge({ generation: { ...generationFromEnvironment(env, { runJobs: true }), progressIntervalMs: 100 } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(WAIT.timeout);
    invokes.attach(page);
    collectPageProblems(page, problems);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
    await fake?.close();
  });

  const cards = () => page.getByTestId('avatar-card');
  const tray = () => page.getByTestId('generations-tray');

  it('opens the project and loads one snapshot of the queue and its jobs', async () => {
    projectId = (await t.lib.must('projects.create', { name: 'Generated' })).id;
    await page.goto(`${t.bridge.url}#/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: 'Generated' }).waitFor(WAIT);
    await page.getByText('No avatars yet').waitFor(WAIT);
    await expect.poll(() => invokes.names().filter((name) => name === 'generations.list').length, POLL).toBe(2);
    expect(invokes.names().filter((name) => name === 'queue.status')).toHaveLength(1);
    await page.evaluate(() => Object.assign(globalThis, { sameDocument: true }));
    invokes.mark();
  });

  it('says what is wrong at the field, keeps what was typed, and sends nothing', async () => {
    await page.getByTestId('generate-button').click();
    const dialog = page.getByRole('dialog', { name: 'Generate avatars' });
    await dialog.getByRole('textbox', { name: 'Prompt', exact: true }).fill('kept on error');
    await dialog.getByRole('spinbutton', { name: 'How many' }).fill('101');
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await dialog.getByText('Enter a whole number from 1 to 100.').waitFor(WAIT);
    expect(await dialog.getByRole('spinbutton', { name: 'How many' }).getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('textbox', { name: 'Prompt', exact: true }).inputValue()).toBe('kept on error');
    // FLUX.1 ignores a negative prompt, and the dialog says so instead of pretending.
    await dialog.getByRole('button', { name: 'Negative prompt' }).click();
    await dialog.getByText('a negative prompt has no effect on the image').waitFor(WAIT);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
    expect(invokes.sinceMark()).toEqual([]);
  });

  it('generates three, shows a bar moving, cancels one mid-flight, and exactly two appear by themselves', async () => {
    fake.setDefault({ latencyMs: LATENCY_MS });
    await generateFromDialog(page, { prompt: 'friendly astronaut portrait, soft studio light', count: 3, name: 'Astro' });
    await expect.poll(async () => (await readTray(tray())).length, POLL).toBe(3);

    // A bar that is generating, then the same bar further along: progress pushed, never asked for.
    const seen: { name: string; value: number }[] = [];
    await expect
      .poll(async () => {
        const row = (await readTray(tray())).find((entry) => entry.stage === 'Generating' && entry.value !== null && entry.value > 0);
        if (row?.value) seen.push({ name: row.name, value: row.value });
        return seen.length > 0;
      }, POLL)
      .toBe(true);
    const target = seen[0]!;
    await expect.poll(async () => (await readTray(tray())).find((entry) => entry.name === target.name)?.value ?? -1, POLL).toBeGreaterThan(target.value);

    await tray().getByRole('button', { name: `Cancel ${target.name}` }).click();
    await expect.poll(async () => (await readTray(tray())).find((entry) => entry.name === target.name)?.status, POLL).toBe('cancelled');
    await expect.poll(async () => (await readTray(tray())).filter((entry) => entry.status === 'completed').length, POLL).toBe(2);
    await expect.poll(() => cards().count(), POLL).toBe(2);

    const jobs = await t.lib.must('generations.list', { projectId });
    expect(jobs.map((job) => job.status).sort()).toEqual(['cancelled', 'completed', 'completed']);
    expect(await t.lib.must('avatars.list', { projectId })).toHaveLength(2);
    // The cancel aborted the request in flight rather than letting it finish unseen.
    expect(fake.requests.filter((request) => request.route === 'endpoint' && request.closedByClient)).toHaveLength(1);
    // Said to screen readers too, not only drawn.
    expect(await page.getByTestId('generation-announcer').textContent()).toMatch(/Astro \d is ready\./);
    const names = await cards().allTextContents();
    expect(names.join(' ')).not.toContain(target.name);
    expect(await page.evaluate(() => 'sameDocument' in globalThis)).toBe(true);

    // Only what the user did went over HTTP: no status or list requests while waiting.
    expect(invokes.sinceMark()).toEqual(['generations.create', 'generations.cancel']);
  });

  it('pauses with plain instructions when the token is missing or refused, and finishes after the fix and Resume', async () => {
    invokes.mark();
    delete env.HF_TOKEN;
    fake.setDefault({ latencyMs: 100 });
    await generateFromDialog(page, { prompt: 'portrait of a lighthouse keeper', count: 2, name: 'Keeper' });

    const banner = page.getByTestId('queue-paused-banner');
    await banner.getByText('Generation is paused: no Hugging Face token is set').waitFor(WAIT);
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain('add it in Settings → Hugging Face token');
    // Nothing is lost: both wait in the queue, and the tray says the queue is paused.
    await expect.poll(async () => (await t.lib.must('generations.list', { projectId, statuses: ['pending'] })).length, POLL).toBe(2);
    await tray().getByText('Paused by a problem with the image service').waitFor(WAIT);

    // A token, but one Hugging Face refuses (401): paused again, with what to do about that.
    env.HF_TOKEN = 'hf_revoked_token';
    await banner.getByRole('button', { name: 'Resume', exact: true }).click();
    await banner.getByText('Generation is paused: Hugging Face refused the token').waitFor(WAIT);
    const text = await banner.textContent();
    expect(text).toContain('Replace it in Settings → Hugging Face token with a valid token');
    expect(text).toContain('“Make calls to Inference Providers” permission');
    expect(fake.requests.some((request) => request.outcome === 401)).toBe(true);
    expect(await cards().count()).toBe(2);

    env.HF_TOKEN = TOKEN;
    await banner.getByRole('button', { name: 'Resume', exact: true }).click();
    await banner.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => cards().count(), POLL).toBe(4);
    await expect.poll(async () => (await readTray(tray())).filter((entry) => entry.name.startsWith('Keeper') && entry.status === 'completed').length, POLL).toBe(2);
    expect(invokes.sinceMark()).toEqual(['generations.create', 'queue.resume', 'queue.resume']);
    // Over the whole session (well past any 5 s poll): the one snapshot at load, never again.
    expect(invokes.names().filter((name) => name === 'queue.status' || name === 'generations.list')).toHaveLength(3);
  });

  it('retries the cancelled one: the same job runs again and its avatar appears', async () => {
    invokes.mark();
    const [cancelled] = (await readTray(tray())).filter((entry) => entry.status === 'cancelled');
    expect(cancelled).toBeDefined();
    await tray().getByRole('button', { name: `Retry ${cancelled!.name}` }).click();
    await expect.poll(() => cards().count(), POLL).toBe(5);
    await expect.poll(async () => (await readTray(tray())).find((entry) => entry.name === cancelled!.name)?.status, POLL).toBe('completed');
    expect(invokes.sinceMark()).toEqual(['generations.retry']);
  });

  it('works from the keyboard: the dialog opens on Enter into the prompt, Escape gives focus back; the tray folds and unfolds', async () => {
    await page.getByTestId('generate-button').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Generate avatars' });
    await dialog.waitFor(WAIT);
    await expect.poll(() => hasFocus(dialog.getByRole('textbox', { name: 'Prompt', exact: true })), POLL).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => hasFocus(page.getByTestId('generate-button')), POLL).toBe(true);

    await tray().getByRole('button', { name: 'Collapse generations' }).focus();
    await page.keyboard.press('Enter');
    const pill = page.getByRole('button', { name: /^Generations: / });
    await expect.poll(() => hasFocus(pill), POLL).toBe(true);
    expect(await pill.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await tray().waitFor(WAIT);
    // Expanding moves focus into the tray just after it renders; Escape is the tray's own key.
    await expect.poll(() => hasFocus(tray().getByRole('button', { name: 'Collapse generations' })), POLL).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => hasFocus(pill), POLL).toBe(true);
  });

  it('logged no errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
