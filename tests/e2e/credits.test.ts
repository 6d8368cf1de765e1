import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, type TestBridge } from '../helpers/bridge';
import { collectPageProblems, launchChromium } from '../helpers/browser';
import { makeImage } from '../helpers/images';
import { InvokeLog } from './generateKit';

const WAIT = { timeout: 20_000 };
const POLL = { timeout: 20_000, interval: 50 };
/** One more than a page of the ledger (50), so "Load more" has something to load. */
const UPLOADS = 52;

/** The ledger rows on screen, newest first. */
const readLedger = (page: Page) =>
  page.getByTestId('ledger-entry').evaluateAll((rows) =>
    rows.map((row) => {
      const { dataset, textContent } = row as unknown as { dataset: Record<string, string | undefined>; textContent: string | null };
      return { kind: dataset.kind, action: dataset.action, amount: Number(dataset.amount), text: textContent ?? '' };
    }),
  );

describe('Credits in a real browser, through the web bridge', () => {
  let t: TestBridge;
  let browser: Browser;
  let page: Page;
  let projectId = '';
  let image: Buffer;
  const invokes = new InvokeLog();
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestBridge();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(WAIT.timeout);
    invokes.attach(page);
    collectPageProblems(page, problems);
    projectId = (await t.lib.must('projects.create', { name: 'Ledger' })).id;
    image = await makeImage('png', 64, 64);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  const upload = (name: string) => t.lib.must('avatars.upload', { projectId, fileName: `${name}.png`, bytes: new Uint8Array(image), name });

  it('is reached from the top bar and starts empty', async () => {
    await page.goto(`${t.bridge.url}#/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Credits' }).click();
    await page.getByRole('heading', { level: 1, name: 'Credits' }).waitFor(WAIT);
    await page.getByText('Nothing charged yet.').waitFor(WAIT);
    expect(await page.getByTestId('credits-remaining').textContent()).toContain('No daily limit');
  });

  it('shows the charge for an upload as it happens, then after a reload, with a way to the avatar', async () => {
    invokes.mark();
    const avatar = await upload('Charged');
    await expect.poll(async () => (await readLedger(page)).length, POLL).toBe(1);
    const [row] = await readLedger(page);
    expect(row).toMatchObject({ kind: 'charge', action: 'upload', amount: 2 });
    expect(row!.text).toContain('−2');
    expect(await page.getByTestId('credits-spent-today').textContent()).toBe('2');
    // The event carried the summary; one read of the newest entries, nothing polled.
    expect(invokes.sinceMark()).toEqual(['credits.history']);

    await page.reload();
    await expect.poll(async () => (await readLedger(page)).length, POLL).toBe(1);
    await page.getByTestId('ledger-entry').getByRole('button', { name: 'Open avatar' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash), POLL).toBe(`#/projects/${projectId}/avatars/${avatar.id}`);
  });

  it('pages back through a long history with Load more, missing nothing', async () => {
    for (let index = 1; index < UPLOADS; index += 1) await upload(`Bulk ${index}`);
    await page.goto(`${t.bridge.url}#/credits`);
    await expect.poll(async () => (await readLedger(page)).length, POLL).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(async () => (await readLedger(page)).length, POLL).toBe(UPLOADS);
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByTestId('credits-spent-total').textContent()).toContain(String(UPLOADS * 2));
  });

  it('draws today against a daily limit set elsewhere', async () => {
    await t.lib.must('settings.update', { credits: { dailyLimit: 200 } });
    const bar = page.getByRole('progressbar', { name: 'Today’s spend against the daily limit' });
    await bar.waitFor(WAIT);
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(UPLOADS * 2));
    expect(await bar.getAttribute('aria-valuemax')).toBe('200');
    expect(await page.getByTestId('credits-remaining').textContent()).toContain(`${200 - UPLOADS * 2} credits left today`);
  });

  it('a daily limit of 0 refuses a Hugging Face generation with the reason and a way to the limit; no job is made', async () => {
    await page.goto(`${t.bridge.url}#/settings/credits`);
    const credits = page.getByRole('region', { name: 'Credits' });
    await credits.getByRole('spinbutton', { name: 'Daily limit' }).fill('0');
    await credits.getByRole('button', { name: 'Save credit settings' }).click();
    await credits.getByText('Saved.').waitFor(WAIT);
    expect((await t.lib.must('settings.get', {})).credits.dailyLimit).toBe(0);

    await page.goto(`${t.bridge.url}#/projects/${projectId}`);
    await page.getByTestId('generate-button').click();
    const dialog = page.getByRole('dialog', { name: 'Generate avatars' });
    // No token in this library: offline is chosen, and the dialog says why.
    await dialog.getByTestId('no-token-note').getByText('No Hugging Face token: drawn offline.').waitFor(WAIT);
    await dialog.getByRole('textbox', { name: 'Prompt', exact: true }).fill('kept after the refusal');
    await dialog.getByLabel('Model').selectOption({ label: 'FLUX.1-dev' });
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.getByText('Over your credit limit.').waitFor(WAIT);
    expect(await alert.textContent()).toContain('daily limit');
    expect(await dialog.getByRole('textbox', { name: 'Prompt', exact: true }).inputValue()).toBe('kept after the refusal');
    expect(await t.lib.must('generations.list', { projectId })).toEqual([]);

    await alert.getByRole('link', { name: 'Change the limits in Settings → Credits' }).click();
    await page.getByRole('region', { name: 'Credits' }).getByRole('spinbutton', { name: 'Daily limit' }).waitFor(WAIT);
    expect(await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toBe('#/settings/credits');
    expect(problems).toEqual([]);
  });
});
