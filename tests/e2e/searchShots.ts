/**
 * Screenshots of search, filters, multi-select and variations in light and dark, for looking at
 * them (not a test):
 *   npx electron-vite build && npx tsx tests/e2e/searchShots.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestBridge } from '../helpers/bridge';
import { launchChromium } from '../helpers/browser';
import { createTestProvider } from '../helpers/testProvider';
import { seedProject, seedSpecs } from './searchKit';
import { until as waitUntil } from '../helpers/until';

const OUT = process.argv[2] ?? '/tmp/shots-search';
const WAIT = { timeout: 20_000 };

const until = (check: () => Promise<boolean>, timeoutMs = 20000): Promise<void> => waitUntil(check, { timeoutMs });

const main = async (): Promise<void> => {
  mkdirSync(OUT, { recursive: true });
  const provider = createTestProvider(20);
  const t = await startTestBridge({ generation: { providerFor: () => provider, runJobs: true } });
  const browser = await launchChromium();
  try {
    const project = await t.lib.must('projects.create', { name: 'Spring campaign', description: 'Faces for the launch site and the app store.' });
    await t.lib.must('projects.create', { name: 'Support team' });
    await seedProject(t.lib, project.id, seedSpecs(60));
    const jobs = await t.lib.must('generations.create', {
      projectId: project.id,
      recipe: { persona: { name: 'Nadia Rahman', age: 34, personality: ['Warm'] }, attributes: { gender: 'female', ageRange: 'adult', style: 'Professional' }, prompt: 'soft window light, linen blazer' },
      params: { seed: 1234 },
      name: 'Nadia',
    });
    await until(async () => (await t.lib.must('generations.get', { id: jobs[0]!.id })).status === 'completed');
    const nadia = (await t.lib.must('generations.get', { id: jobs[0]!.id })).avatarId!;

    const page = await browser.newPage({ viewport: { width: 1360, height: 880 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${t.bridge.url}#/projects/${project.id}`);
    await page.getByRole('heading', { level: 1, name: 'Spring campaign' }).waitFor(WAIT);
    await page.getByTestId('avatar-card').first().waitFor(WAIT);

    const shoot = async (name: string, target: Page = page): Promise<void> => {
      for (const close of await target.getByRole('button', { name: 'Dismiss notification' }).all()) await close.click().catch(() => {});
      for (const scheme of ['light', 'dark'] as const) {
        await target.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await target.evaluate(() => {
          const root = (globalThis as unknown as { document: { documentElement: { style: { display: string }; offsetHeight: number } } }).document.documentElement;
          root.style.display = 'none';
          void root.offsetHeight;
          root.style.display = '';
        });
        await target.waitForTimeout(300);
        await target.screenshot({ path: path.join(OUT, `${name}-${scheme}.png`) });
      }
    };
    await shoot('01-project-toolbar');

    await page.getByRole('combobox', { name: 'Search all projects' }).fill('ana');
    await page.getByRole('listbox', { name: 'Avatars in all projects' }).getByRole('option').first().waitFor(WAIT);
    await page.waitForTimeout(300);
    await shoot('13-library-search');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: 'Search all projects' }).fill('');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Gender', exact: true }).click();
    await page.getByRole('checkbox', { name: /Female/ }).check();
    await shoot('02-gender-menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Style', exact: true }).click();
    await page.getByRole('checkbox', { name: /Vintage/ }).check();
    await page.getByRole('checkbox', { name: /Casual/ }).check();
    await page.keyboard.press('Escape');
    await page.getByLabel('Sort').selectOption('name');
    await until(async () => (await page.getByTestId('search-count').textContent())?.includes(' of ') ?? false);
    await page.waitForTimeout(400);
    await shoot('03-filtered-sorted');

    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.getByRole('searchbox', { name: 'Search avatars' }).fill('lighthouse');
    await until(async () => (await page.getByTestId('search-count').textContent())?.includes(' of ') ?? false);
    await page.waitForTimeout(400);
    await shoot('04-text-search');

    await page.getByRole('searchbox', { name: 'Search avatars' }).fill('zzzz nothing');
    await page.getByText('No avatars match').waitFor(WAIT);
    await shoot('05-no-match');
    await page.getByRole('button', { name: 'Clear search and filters' }).click();

    const cards = page.getByTestId('avatar-card');
    await cards.nth(1).click({ modifiers: ['Control'] });
    await cards.nth(3).click({ modifiers: ['Control'] });
    await cards.nth(7).click({ modifiers: ['Shift'] });
    await page.mouse.move(5, 5);
    await shoot('06-multi-select');

    await page.getByRole('button', { name: 'Delete selected' }).click();
    await page.getByRole('alertdialog').waitFor(WAIT);
    await shoot('07-bulk-delete-confirm');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Move selected' }).click();
    await page.getByRole('alertdialog').getByLabel('Move to project').selectOption({ label: 'Support team' });
    await shoot('08-bulk-move');
    const moving = await page.getByTestId('avatar-card').locator('.avatar-card__name').allTextContents();
    const gone = (await t.lib.must('avatars.list', { projectId: project.id })).find((avatar) => avatar.name === moving[4]);
    if (gone) await t.lib.must('avatars.delete', { id: gone.id });
    await page.getByRole('alertdialog').getByRole('button', { name: 'Move to Support team' }).click();
    await page.getByTestId('bulk-progress').getByText('failed').first().waitFor(WAIT);
    await shoot('14-bulk-move-failed');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });

    // Narrow, with the panel open and filters set: the toolbar wraps, nothing overlaps.
    await page.setViewportSize({ width: 1024, height: 760 });
    await page.getByRole('button', { name: 'Style', exact: true }).click();
    await page.getByRole('checkbox', { name: /Professional/ }).check();
    await page.keyboard.press('Escape');
    await page.getByTestId('avatar-card').first().click();
    await page.getByTestId('avatar-detail').waitFor(WAIT);
    await page.waitForTimeout(400);
    await shoot('15-narrow-panel-filtered');
    await page.getByRole('button', { name: 'Close details' }).click();
    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.setViewportSize({ width: 1360, height: 880 });

    await page.goto(`${t.bridge.url}#/projects/${project.id}/avatars/${nadia}`);
    await page.getByTestId('avatar-detail').waitFor(WAIT);
    await shoot('09-detail-variations');
    await page.getByTestId('avatar-detail').getByRole('button', { name: 'More like this' }).click();
    await until(async () => (await page.getByTestId('avatar-detail').getByRole('link').count()) >= 2);
    await page.waitForTimeout(500);
    await shoot('10-detail-children');
    await page.getByTestId('avatar-detail').getByRole('link').first().click();
    await page.getByTestId('avatar-detail').getByText('Variation of').waitFor(WAIT);
    await shoot('11-detail-variation-of');
    await page.getByTestId('avatar-detail').getByRole('button', { name: 'Use this recipe' }).click();
    await page.getByRole('dialog', { name: 'Generate avatars' }).waitFor(WAIT);
    await shoot('12-use-recipe');
    await page.keyboard.press('Escape');

    if (problems.length > 0) console.log('Page errors:', problems);
    console.log(`Screenshots in ${OUT}`);
  } finally {
    await browser.close();
    await t.dispose();
  }
};

await main();
