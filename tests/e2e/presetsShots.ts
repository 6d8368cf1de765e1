/**
 * Screenshots of presets, usage and stats in light and dark, for looking at them (not a test):
 *   npx electron-vite build && npx tsx tests/e2e/presetsShots.ts [outDir]
 * No token: every avatar is drawn by the offline provider, as in presets.test.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { generationFromEnvironment } from '../../src/main/core';
import { startTestBridge } from '../helpers/bridge';
import { launchChromium } from '../helpers/browser';
import { dismissToasts, openUsePreset, presetCard } from './presetsKit';
import { until as waitUntil } from '../helpers/until';

const OUT = process.argv[2] ?? '/tmp/shots-presets';
const WAIT = { timeout: 30_000 };

const until = (check: () => Promise<boolean>, timeoutMs = 30000): Promise<void> => waitUntil(check, { timeoutMs });

const main = async (): Promise<void> => {
  mkdirSync(OUT, { recursive: true });
  const t = await startTestBridge({ generation: generationFromEnvironment({}, { runJobs: true }) });
  const browser = await launchChromium();
  try {
    const lib = t.lib;
    await lib.must('projects.create', { name: 'Support team' });
    const project = await lib.must('projects.create', { name: 'Launch campaign', description: 'Faces for the spring launch.' });
    // A few avatars from presets so the project, usage and stats have something to show.
    const presets = await lib.must('presets.list', {});
    for (const name of ['Corporate Executive', 'Yoga Instructor', 'Streetwear Icon', 'Cyberpunk Hacker', 'Kimono Elegance']) {
      const preset = presets.find((each) => each.name === name)!;
      await lib.must('presets.use', { presetId: preset.id, projectId: project.id, count: name === 'Yoga Instructor' ? 2 : 1 });
    }
    await until(async () => (await lib.must('avatars.list', { projectId: project.id })).length === 6);
    const avatars = await lib.must('avatars.list', { projectId: project.id });
    for (const [index, avatar] of avatars.slice(0, 4).entries()) {
      for (let use = 0; use < 4 - index; use += 1) {
        await lib.must('usage.record', { avatarId: avatar.id, appId: 'pose-generator', appName: 'Pose Generator', action: 'generate_pose', referenceId: `pose_${index}${use}`, referenceType: 'pose' });
      }
    }
    await lib.must('usage.record', { avatarId: avatars[0]!.id, appId: 'avatar-creator', appName: 'Avatar Creator', action: 'export' });

    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const shoot = async (name: string, target: Page = page): Promise<void> => {
      await dismissToasts(target);
      for (const scheme of ['light', 'dark'] as const) {
        await target.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        // Headless Chromium can leave parts painted in the old scheme: hide and show the page to repaint it all.
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

    await page.goto(`${t.bridge.url}#/presets`);
    await page.getByTestId('preset-card').first().waitFor(WAIT);
    await page.waitForTimeout(600);
    await shoot('01-gallery');
    await page.getByRole('tab', { name: /^Traditional/ }).click();
    await page.waitForTimeout(400);
    await shoot('02-tab-traditional');
    await page.getByRole('tab', { name: /^All/ }).click();
    await page.getByRole('searchbox', { name: 'Search presets' }).fill('run');
    await page.waitForTimeout(400);
    await shoot('03-search');
    await page.getByRole('searchbox', { name: 'Search presets' }).fill('zebra');
    await shoot('04-search-empty');
    await page.getByRole('searchbox', { name: 'Search presets' }).fill('');

    const dialog = await openUsePreset(page, 'Marathon Runner');
    await dialog.getByRole('textbox', { name: 'Avatar name' }).fill('Casey');
    await dialog.getByRole('spinbutton', { name: 'How many' }).fill('3');
    await shoot('05-use-dialog');
    await dialog.getByRole('button', { name: 'Change the look' }).click();
    await dialog.getByLabel('Hair colour').fill('Purple');
    await dialog.getByRole('radio', { name: /Hugging Face/ }).check();
    await shoot('06-use-dialog-look');
    await dialog.getByRole('radio', { name: /Offline/ }).check();
    await dialog.getByRole('button', { name: 'Create 3 avatars' }).click();
    await page.getByRole('heading', { level: 1, name: 'Launch campaign' }).waitFor(WAIT);
    await until(async () => (await page.getByTestId('avatar-card').count()) === 9);
    await page.waitForTimeout(600);
    await shoot('07-project-after-use');
    await page.getByRole('button', { name: 'Collapse generations' }).click();

    await page.getByTestId('avatar-card').filter({ hasText: 'Casey 1' }).click();
    const panel = page.getByTestId('avatar-detail');
    await panel.waitFor(WAIT);
    await panel.getByRole('button', { name: 'Export' }).click();
    await page.waitForTimeout(300);
    await lib.must('usage.record', { avatarId: (await lib.must('avatars.list', { projectId: project.id })).find((avatar) => avatar.name === 'Casey 1')!.id, appId: 'pose-generator', appName: 'Pose Generator', action: 'generate_pose', referenceId: 'pose_771', referenceType: 'pose' });
    await page.waitForTimeout(600);
    await shoot('08-detail-actions');
    await panel.getByTestId('usage-history').scrollIntoViewIfNeeded();
    await shoot('09-detail-usage');
    await panel.getByRole('button', { name: 'Save as preset' }).click();
    await page.getByRole('dialog', { name: 'Save as preset' }).getByRole('textbox', { name: 'Preset name' }).fill('Casey, purple');
    await shoot('10-save-preset');
    await page.getByRole('dialog', { name: 'Save as preset' }).getByRole('button', { name: 'Save preset' }).click();

    await page.goto(`${t.bridge.url}#/presets/sports`);
    await presetCard(page, 'Casey, purple').waitFor(WAIT).catch(async () => {
      await page.goto(`${t.bridge.url}#/presets/creative`);
      await presetCard(page, 'Casey, purple').waitFor(WAIT);
    });
    await page.waitForTimeout(500);
    await presetCard(page, 'Casey, purple').scrollIntoViewIfNeeded();
    await shoot('11-user-preset');
    await presetCard(page, 'Casey, purple').getByRole('button', { name: 'Edit Casey, purple' }).click();
    await shoot('12-edit-preset');
    await page.keyboard.press('Escape');
    await presetCard(page, 'Casey, purple').getByRole('button', { name: 'Delete Casey, purple' }).click();
    await shoot('13-delete-preset');
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
    await page.getByTestId('stats-view').waitFor(WAIT);
    await page.waitForTimeout(600);
    await shoot('14-stats');
    await page.locator('.stats-view').evaluate((view) => view.scrollTo(0, view.scrollHeight));
    await shoot('15-stats-bottom');

    const narrow = await browser.newPage({ viewport: { width: 700, height: 900 } });
    await narrow.goto(`${t.bridge.url}#/presets`);
    await narrow.getByTestId('preset-card').first().waitFor(WAIT);
    await narrow.waitForTimeout(600);
    await shoot('16-gallery-narrow', narrow);
    await openUsePreset(narrow, 'Corporate Executive');
    await shoot('17-use-dialog-narrow', narrow);
    await narrow.keyboard.press('Escape');
    await lib.must('projects.update', { id: project.id, name: 'Launch campaign for the spring collection' });
    await narrow.goto(`${t.bridge.url}#/projects/${project.id}`);
    await narrow.getByTestId('avatar-card').first().waitFor(WAIT);
    await shoot('18-project-narrow', narrow);
    await narrow.goto(`${t.bridge.url}#/stats`);
    await narrow.getByTestId('stats-view').waitFor(WAIT);
    await shoot('19-stats-narrow', narrow);
    console.log(`Screenshots in ${OUT}`);
  } finally {
    await browser.close();
    await t.dispose();
  }
};

await main();
