import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_CATEGORIES } from '../../src/shared/vocabulary';
import { generationFromEnvironment } from '../../src/main/core';
import { startTestBridge, type TestBridge } from '../helpers/bridge';
import { collectPageProblems, launchChromium } from '../helpers/browser';
import { InvokeLog, readTray } from './generateKit';
import { dismissToasts, openUsePreset, presetCard, readPresetCards, readStatCards } from './presetsKit';

const WAIT = { timeout: 20_000 };

/** The bits of the page's DOM the drag test uses (the test project has no DOM types). */
interface DragGlobals {
  DataTransfer: new () => { getData(type: string): string };
  DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
}
const POLL = { timeout: 20_000, interval: 50 };
const PRESET = 'Marathon Runner';
const AVATAR = 'Casey from the track';
const SAVED = 'Casey, my way';

describe('presets → avatars offline, in a real browser through the web bridge, with no token', () => {
  let t: TestBridge;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let projectId = '';
  let avatarId = '';
  let savedId = '';
  const invokes = new InvokeLog();
  const problems: string[] = [];

  beforeAll(async () => {
    // No HF_TOKEN anywhere: the offline provider is the default.
    t = await startTestBridge({ generation: generationFromEnvironment({}, { runJobs: true }) });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    invokes.attach(page);
    collectPageProblems(page, problems);
    await t.lib.must('projects.create', { name: 'Spare' });
    projectId = (await t.lib.must('projects.create', { name: 'Track team' })).id;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('lists the seeded presets, every one with its preview, from the top bar', async () => {
    await page.goto(`${t.bridge.url}#/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Presets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Presets' }).waitFor(WAIT);
    expect(await page.getByRole('link', { name: 'Presets' }).getAttribute('aria-current')).toBe('page');
    await expect.poll(async () => (await readPresetCards(page)).length, POLL).toBeGreaterThanOrEqual(24);
    // Every preview is a real, decoded picture (the shipped WebP), never the placeholder. They load lazily: scroll each into view.
    for (const card of await page.getByTestId('preset-card').all()) await card.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await readPresetCards(page)).filter((card) => card.width > 0).length, POLL).toBe((await readPresetCards(page)).length);
    const cards = await readPresetCards(page);
    expect(cards.every((card) => card.builtin && card.preview === 'image')).toBe(true);
    expect(new Set(cards.map((card) => card.category))).toEqual(new Set(PRESET_CATEGORIES));
    // Built-ins are read-only: "Use preset" and nothing else.
    expect(cards.every((card) => card.buttons.length === 1 && card.buttons[0] === 'Use preset')).toBe(true);
    expect(invokes.names().filter((name) => name === 'presets.list')).toHaveLength(1);
  });

  it('filters by a category tab and by search, and keeps the tab in the URL', async () => {
    const all = (await readPresetCards(page)).length;
    await page.getByRole('tab', { name: /^Sports/ }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash), POLL).toBe('#/presets/sports');
    expect(await page.getByRole('tab', { name: /^Sports/ }).getAttribute('aria-selected')).toBe('true');
    const sports = await readPresetCards(page);
    expect(sports.length).toBeGreaterThan(0);
    expect(sports.length).toBeLessThan(all);
    expect(sports.every((card) => card.category === 'sports')).toBe(true);

    // Arrow keys move between tabs, as in any tab list.
    await page.getByRole('tab', { name: /^Sports/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash), POLL).toBe('#/presets/fashion');
    await page.getByRole('tab', { name: /^All/ }).click();

    const search = page.getByRole('searchbox', { name: 'Search presets' });
    await search.fill('marathon');
    await expect.poll(async () => (await readPresetCards(page)).map((card) => card.name), POLL).toEqual([PRESET]);
    await search.fill('kimono');
    await expect.poll(async () => (await readPresetCards(page)).map((card) => card.name), POLL).toEqual(['Kimono Elegance']);
    // A search with a tab: both apply.
    await page.getByRole('tab', { name: /^Sports/ }).click();
    await page.getByText('No presets match').waitFor(WAIT);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(async () => (await readPresetCards(page)).length, POLL).toBe(sports.length);
    await page.getByRole('tab', { name: /^All/ }).click();
    // Searching and switching tabs filter what is loaded: no request each time.
    expect(invokes.names().filter((name) => name === 'presets.list')).toHaveLength(1);
  });

  it('makes an avatar from a preset, offline, with a custom name and a changed look; it appears in the project by itself', async () => {
    const dialog = await openUsePreset(page, PRESET);
    // Offline is chosen, and says why it needs nothing.
    expect(await dialog.getByRole('radio', { name: /Offline/ }).isChecked()).toBe(true);
    await dialog.getByText('No token needed').waitFor(WAIT);
    await dialog.getByLabel('Project').selectOption({ label: 'Track team' });
    await dialog.getByRole('textbox', { name: 'Avatar name' }).fill(AVATAR);
    await dialog.getByRole('button', { name: 'Change the look' }).click();
    await dialog.getByLabel('Hair colour').fill('Purple');
    await dialog.getByText('1 change to the look').waitFor(WAIT);
    invokes.mark();
    await dialog.getByRole('button', { name: 'Create avatar' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });

    // Straight to the project, where the avatar shows up once drawn: no reload, no polling.
    await page.getByRole('heading', { level: 1, name: 'Track team' }).waitFor(WAIT);
    const card = page.getByTestId('avatar-card').filter({ hasText: AVATAR });
    await card.waitFor(WAIT);
    await expect.poll(async () => (await readTray(page.getByTestId('generations-tray'))).find((row) => row.name === AVATAR)?.status, POLL).toBe('completed');
    // One snapshot of the project as it opened; the job and the avatar came as pushed events.
    expect([...invokes.sinceMark()].sort()).toEqual(['presets.use', 'projects.get']);

    const [avatar] = (await t.lib.must('avatars.list', { projectId })).filter((each) => each.name === AVATAR);
    expect(avatar).toBeDefined();
    avatarId = avatar!.id;
    expect(avatar!.sourceType).toBe('from_preset');
    expect(avatar!.attributes.hairColor).toBe('Purple');
    expect(avatar!.generation?.provider).toBe('offline');
    const preset = (await t.lib.must('presets.list', { query: 'marathon' }))[0]!;
    // The preset's other attributes stayed: only the one changed was sent as an override.
    const made: Record<string, unknown> = avatar!.attributes;
    for (const [key, value] of Object.entries(preset.attributes)) {
      if (key !== 'hairColor') expect(made[key]).toBe(value);
    }
  });

  it('counts the use on the preset card, following preset.changed', async () => {
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Presets' }).waitFor(WAIT);
    await expect.poll(async () => (await presetCard(page, PRESET).getByTestId('preset-usage').textContent()) ?? '', POLL).toBe('Used once');
  });

  it('saves the avatar back as a user preset from the detail panel; it shows in the gallery as editable', async () => {
    await page.goto(`${t.bridge.url}#/projects/${projectId}/avatars/${avatarId}`);
    const panel = page.getByTestId('avatar-detail');
    await panel.waitFor(WAIT);
    await panel.getByRole('button', { name: 'Save as preset' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as preset' });
    expect(await dialog.getByRole('textbox', { name: 'Preset name' }).inputValue()).toBe(AVATAR);
    await dialog.getByRole('textbox', { name: 'Preset name' }).fill(SAVED);
    await dialog.getByLabel('Category').selectOption('creative');
    await dialog.getByRole('button', { name: 'Save preset' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await page.getByText(`Saved “${SAVED}” as a preset`).waitFor(WAIT);

    const saved = (await t.lib.must('presets.list', {})).find((preset) => preset.name === SAVED);
    expect(saved).toMatchObject({ isBuiltin: false, category: 'creative', previewAvatarId: avatarId });
    expect(saved!.attributes.hairColor).toBe('Purple');
    savedId = saved!.id;

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Presets' }).click();
    await page.getByRole('tab', { name: /^Creative/ }).click();
    const card = presetCard(page, SAVED);
    await card.waitFor(WAIT);
    const info = (await readPresetCards(page)).find((each) => each.id === savedId)!;
    // Its picture is the avatar it was saved from.
    expect(info).toMatchObject({ builtin: false, preview: 'image' });
    await expect.poll(async () => (await readPresetCards(page)).find((each) => each.id === savedId)?.width ?? 0, POLL).toBeGreaterThan(0);
    expect(info.buttons).toEqual(['Use preset', `Edit ${SAVED}`, `Delete ${SAVED}`]);
  });

  it('edits the user preset: every field, saved together, shown everywhere by the event', async () => {
    await presetCard(page, SAVED).getByRole('button', { name: `Edit ${SAVED}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit “${SAVED}”` });
    await dialog.waitFor(WAIT);
    expect(await dialog.getByLabel('Hair colour').inputValue()).toBe('Purple');
    await dialog.getByRole('textbox', { name: 'Preset name' }).fill('Casey, trail edition');
    await dialog.getByLabel('Category').selectOption('sports');
    await dialog.getByRole('textbox', { name: 'Description (optional)' }).fill('Trail runner with purple hair.');
    await dialog.getByRole('textbox', { name: 'Prompt (optional)' }).fill('muddy trail, morning fog');
    await dialog.getByRole('textbox', { name: 'Persona name' }).fill('Casey Moreno');
    await dialog.getByLabel('Hair colour').fill('Teal');
    await dialog.getByRole('button', { name: 'Save preset' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });

    const updated = await t.lib.must('presets.get', { id: savedId });
    expect(updated).toMatchObject({ name: 'Casey, trail edition', category: 'sports', description: 'Trail runner with purple hair.', prompt: 'muddy trail, morning fog' });
    expect(updated.persona.name).toBe('Casey Moreno');
    expect(updated.attributes.hairColor).toBe('Teal');
    // It left the Creative tab for Sports.
    await presetCard(page, 'Casey, trail edition').waitFor({ state: 'detached', ...WAIT });
    await page.getByRole('tab', { name: /^Sports/ }).click();
    await presetCard(page, 'Casey, trail edition').waitFor(WAIT);

    // Changed elsewhere (the CLI, another window): the gallery follows.
    await t.lib.must('presets.update', { id: savedId, description: 'Renamed elsewhere too.' });
    await presetCard(page, 'Casey, trail edition').getByText('Renamed elsewhere too.').waitFor(WAIT);
  });

  it('deletes the user preset after asking', async () => {
    await presetCard(page, 'Casey, trail edition').getByRole('button', { name: 'Delete Casey, trail edition' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Casey, trail edition”?' });
    await confirm.waitFor(WAIT);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.waitFor({ state: 'detached', ...WAIT });
    await presetCard(page, 'Casey, trail edition').waitFor({ state: 'detached', ...WAIT });
    const gone = await t.lib.call('presets.get', { id: savedId });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    // The avatar it was made from is untouched.
    expect((await t.lib.must('avatars.get', { id: avatarId })).name).toBe(AVATAR);
  });

  it('exports the avatar (a real download) and shows the use in its timeline', async () => {
    await dismissToasts(page);
    await page.goto(`${t.bridge.url}#/projects/${projectId}/avatars/${avatarId}`);
    const panel = page.getByTestId('avatar-detail');
    await panel.waitFor(WAIT);
    const history = panel.getByTestId('usage-history');
    await history.getByText('Not used yet').waitFor(WAIT);
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${AVATAR}.png`);
    expect(await download.failure()).toBeNull();

    const row = history.getByTestId('usage-record');
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.getAttribute('data-action')).toBe('export');
    expect(await row.textContent()).toContain('Exported');
    expect(await row.textContent()).toContain('Avatar Creator');
    const records = await t.lib.must('usage.list', { avatarId });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ appId: 'avatar-creator', appName: 'Avatar Creator', action: 'export' });

    // Another Lumiku app reports a use through the contract: the timeline follows avatar.changed.
    await t.lib.must('usage.record', { avatarId, appId: 'pose-generator', appName: 'Pose Generator', action: 'generate_pose', referenceId: 'pose_123', referenceType: 'pose' });
    await expect.poll(() => row.count(), POLL).toBe(2);
    expect(await row.first().textContent()).toContain('Used to generate a pose');
    expect(await row.first().textContent()).toContain('pose: pose_123');
  });

  it('copies the image to the clipboard where the page may, and records that too', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.bridge.url });
    const panel = page.getByTestId('avatar-detail');
    await panel.getByRole('button', { name: 'Copy image' }).click();
    await page.getByText('Image copied').waitFor(WAIT);
    const types = await page.evaluate(async () => {
      const items = await (globalThis as unknown as { navigator: { clipboard: { read(): Promise<{ types: string[] }[]> } } }).navigator.clipboard.read();
      return items.flatMap((item) => item.types);
    });
    expect(types).toContain('image/png');
    await expect.poll(() => panel.getByTestId('usage-record').count(), POLL).toBe(3);
    expect(await panel.getByTestId('usage-record').first().getAttribute('data-action')).toBe('copy');
  });

  it('drags the card out as the image file: a drop outside the app counts as a use, one inside it does not', async () => {
    const card = page.getByTestId('avatar-card').filter({ hasText: AVATAR });
    expect(await card.getAttribute('draggable')).toBe('true');
    const drag = (dropInside: boolean) =>
      card.evaluate((element, inside) => {
        const dom = globalThis as unknown as DragGlobals;
        const target = element as unknown as { dispatchEvent(event: unknown): boolean };
        const transfer = new dom.DataTransfer();
        const send = (type: string, init: Record<string, unknown> = {}) => target.dispatchEvent(new dom.DragEvent(type, { bubbles: true, dataTransfer: transfer, ...init }));
        send('dragstart', { cancelable: true });
        const data = { downloadUrl: transfer.getData('DownloadURL'), uriList: transfer.getData('text/uri-list') };
        if (inside) send('drop', { cancelable: true });
        // What the OS reports when another app (or the desktop) accepted the drop; a page cannot set it itself.
        Object.defineProperty(transfer, 'dropEffect', { value: 'copy' });
        send('dragend');
        return data;
      }, dropInside);

    const inside = await drag(true);
    const url = `${new URL(t.bridge.url).origin}/images/${avatarId}/full`;
    expect(inside).toEqual({ downloadUrl: `image/png:${AVATAR}.png:${url}`, uriList: url });
    await drag(false);
    const history = page.getByTestId('usage-history').getByTestId('usage-record');
    await expect.poll(() => history.count(), POLL).toBe(4);
    expect(await history.first().getAttribute('data-action')).toBe('drag_out');
    expect((await t.lib.must('usage.list', { avatarId })).map((record) => record.action)).toEqual(['drag_out', 'copy', 'generate_pose', 'export']);
  });

  it('shows the counts in the Stats view, refreshed by events while it is open', async () => {
    await dismissToasts(page);
    invokes.mark();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stats' }).click();
    await page.getByTestId('stats-view').waitFor(WAIT);
    const avatars = (await t.lib.must('avatars.list', {})).length;
    await expect.poll(async () => (await readStatCards(page)).Avatars, POLL).toBe(avatars);
    expect(await readStatCards(page)).toMatchObject({ Projects: 2, 'Generated, 30 days': 1, 'Uses recorded': 4 });
    const apps = page.getByRole('list', { name: 'Use by app' });
    expect(await apps.locator('[data-key="avatar-creator"]').textContent()).toContain('3');
    expect(await apps.locator('[data-key="pose-generator"]').textContent()).toContain('1');
    expect(await page.getByRole('list', { name: 'Avatars by source' }).locator('[data-key="from_preset"]').textContent()).toContain('1');
    // The chart has its numbers as a table too.
    await page.getByRole('button', { name: 'Show as a table' }).click();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(31);

    // A use recorded elsewhere moves the numbers: one debounced stats.get, not a poll.
    const before = invokes.sinceMark().filter((name) => name === 'stats.get').length;
    await t.lib.must('usage.record', { avatarId, appId: 'pose-generator', appName: 'Pose Generator', action: 'generate_pose' });
    await expect.poll(async () => (await readStatCards(page))['Uses recorded'], POLL).toBe(5);
    await page.waitForTimeout(1000);
    expect(invokes.sinceMark().filter((name) => name === 'stats.get').length).toBe(before + 1);

    // Most used: a thumbnail that opens the avatar.
    const top = page.getByTestId('most-used').first();
    expect(await top.textContent()).toContain(AVATAR);
    expect(await top.textContent()).toContain('5 uses');
    // The generations tray floats over the bottom-left corner: fold it first.
    await page.getByRole('button', { name: 'Collapse generations' }).click();
    await top.click();
    await page.getByTestId('avatar-detail').getByRole('heading', { name: AVATAR }).waitFor(WAIT);
  });

  it('logged no errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
