/**
 * Screenshots of the generation UI in light and dark, for looking at it (not a test):
 *   npx electron-vite build && npx tsx tests/e2e/generateShots.ts [outDir]
 * Runs the real Hugging Face client against the fake inference server, like generate.test.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { generationFromEnvironment } from '../../src/main/core';
import { startFakeInference } from '../fakes/fakeInference';
import { startTestBridge } from '../helpers/bridge';
import { launchChromium } from '../helpers/browser';
import { generateFromDialog } from './generateKit';
import { until as waitUntil } from '../helpers/until';

const OUT = process.argv[2] ?? '/tmp/shots-gen';
const TOKEN = 'hf_test_token';
const WAIT = { timeout: 20_000 };

const until = (check: () => Promise<boolean>, timeoutMs = 20000): Promise<void> => waitUntil(check, { timeoutMs });

const main = async (): Promise<void> => {
  mkdirSync(OUT, { recursive: true });
  const fake = await startFakeInference({ token: TOKEN, imageSize: { width: 384, height: 384 } });
  const env: NodeJS.ProcessEnv = { HF_TOKEN: TOKEN, AVATAR_CREATOR_HF_ENDPOINT: fake.url };
  const t = await startTestBridge({ generation: { ...generationFromEnvironment(env, { runJobs: true }), progressIntervalMs: 100 } });
  const browser = await launchChromium();
  try {
    const project = await t.lib.must('projects.create', { name: 'Launch campaign', description: 'Faces for the spring launch.' });
    await t.lib.must('projects.create', { name: 'Support team' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${t.bridge.url}#/projects/${project.id}`);
    await page.getByRole('heading', { level: 1, name: 'Launch campaign' }).waitFor(WAIT);

    const shoot = async (name: string, target: Page = page): Promise<void> => {
      // Notices come and go by themselves; the shot is of what stays.
      for (const close of await target.getByRole('button', { name: 'Dismiss notification' }).all()) await close.click();
      for (const scheme of ['light', 'dark'] as const) {
        await target.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        // Headless Chromium can leave parts painted in the old scheme: hide and show the page to repaint it all.
        await target.evaluate(() => {
          const root = (globalThis as unknown as { document: { documentElement: { style: { display: string }; offsetHeight: number } } }).document.documentElement;
          root.style.display = 'none';
          void root.offsetHeight;
          root.style.display = '';
        });
        await target.waitForTimeout(250);
        await target.screenshot({ path: path.join(OUT, `${name}-${scheme}.png`) });
      }
    };
    await shoot('01-empty-project');

    // Finished ones first, so the grid has faces.
    fake.setDefault({ latencyMs: 50 });
    await generateFromDialog(page, { prompt: 'warm smile, denim jacket, golden-hour street portrait', count: 6, name: 'Ana' });
    await until(async () => (await page.getByTestId('avatar-card').count()) === 6);

    // The dialog, filled in, with the negative prompt open and its note.
    await page.getByTestId('generate-button').click();
    const dialog = page.getByRole('dialog', { name: 'Generate avatars' });
    await dialog.getByRole('button', { name: 'Negative prompt' }).click();
    await dialog.getByRole('textbox', { name: 'Negative prompt' }).fill('blurry, extra fingers');
    await dialog.getByLabel('Persona name').fill('Ana Lima');
    await dialog.getByLabel('Age', { exact: true }).fill('31');
    await dialog.getByRole('spinbutton', { name: 'How many' }).fill('4');
    await shoot('02-generate-dialog');
    await dialog.getByRole('button', { name: 'Advanced' }).click();
    await dialog.getByLabel('Model').selectOption({ label: 'FLUX.1-schnell' });
    await dialog.locator('.modal__body').evaluate((body) => body.scrollTo(0, 0));
    await shoot('03-generate-dialog-schnell');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

    // A mix in the tray: one failed, one cancelled, some running, some queued.
    fake.script({ status: 400, message: 'Input validation error: `inputs` tokens + `max_new_tokens` must be <= 512.' });
    fake.setDefault({ latencyMs: 30_000 });
    await page.getByTestId('generate-button').click();
    await dialog.getByRole('button', { name: 'Generate 4 avatars', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await t.lib.must('queue.setConcurrency', { concurrency: 2 });
    await generateFromDialog(page, { prompt: 'studio portrait, soft light', count: 3, name: 'Marco' });
    await until(async () => (await t.lib.must('generations.list', { statuses: ['failed'] })).length === 1);
    const queued = await t.lib.must('generations.list', { statuses: ['pending'] });
    const last = queued.at(-1);
    if (last) await t.lib.must('generations.cancel', { id: last.id });
    await page.waitForTimeout(1500);
    await shoot('04-tray-running');

    await page.getByRole('button', { name: 'Collapse generations' }).click();
    await shoot('05-tray-collapsed');

    // The queue pauses itself on a refused token.
    await t.lib.must('generations.cancel', { id: (await t.lib.must('generations.list', { statuses: ['processing'] }))[0]!.id });
    env.HF_TOKEN = 'hf_revoked';
    fake.setDefault({ latencyMs: 50 });
    await t.lib.must('queue.setConcurrency', { concurrency: 4 });
    await page.getByTestId('queue-paused-banner').waitFor(WAIT);
    await page.locator('.gen-pill').click();
    await shoot('06-paused-banner');

    await page.getByRole('button', { name: 'All', exact: true }).click();
    await shoot('07-tray-all-projects');
    await page.locator('[data-testid="generation-item"][data-status="failed"]').evaluate((row) => row.scrollIntoView({ block: 'center' }));
    await shoot('08-tray-failed-cancelled');

    // The projects page: the tray follows every project.
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByTestId('project-card').first().waitFor(WAIT);
    await shoot('09-projects-page');
    console.log(`Screenshots in ${OUT}`);
  } finally {
    await browser.close();
    await t.dispose();
    await fake.close();
  }
};

await main();
