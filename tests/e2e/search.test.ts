import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Avatar } from '../../src/shared/domain';
import { startTestBridge, type TestBridge } from '../helpers/bridge';
import { collectPageProblems, launchChromium } from '../helpers/browser';
import { createTestProvider, type TestProvider } from '../helpers/testProvider';
import { hasFocus } from './generateKit';
import { cardNames, scrollGridToEnd, seedProject, seedSpecs, type SeedSpec } from './searchKit';
import { until as waitUntil } from '../helpers/until';

const WAIT = { timeout: 15_000 };
const POLL = { timeout: 15_000, interval: 50 };
const PROJECT = 'Search E2E';
const RECIPE_PROMPT = 'soft window light, linen blazer';

const until = (check: () => Promise<boolean>, timeoutMs = 15000): Promise<void> => waitUntil(check, { timeoutMs });

/** SQLite's NOCASE on ASCII names, then the id: the library's "name" order. */
const byName = (a: Avatar, b: Avatar): number => {
  const left = a.name.toLowerCase();
  const right = b.name.toLowerCase();
  return left < right ? -1 : left > right ? 1 : a.id < b.id ? -1 : 1;
};

describe('search, filters, paging, multi-select and variations in a real browser, through the web bridge', () => {
  let t: TestBridge;
  let provider: TestProvider;
  let browser: Browser;
  let page: Page;
  let projectId = '';
  let archiveId = '';
  let specs: SeedSpec[] = [];
  let nadia: Avatar;
  /** The body of every avatars.search the page sends, in order. */
  const searches: Record<string, unknown>[] = [];
  const problems: string[] = [];

  const cards = () => page.getByTestId('avatar-card');
  const searchBox = () => page.getByRole('searchbox', { name: 'Search avatars' });
  const count = () => page.getByTestId('search-count');
  const listbox = () => page.getByRole('listbox');
  const inProject = async () => t.lib.must('avatars.list', { projectId });

  beforeAll(async () => {
    provider = createTestProvider(20);
    t = await startTestBridge({ generation: { providerFor: () => provider, runJobs: true } });
    projectId = (await t.lib.must('projects.create', { name: PROJECT })).id;
    archiveId = (await t.lib.must('projects.create', { name: 'Archive' })).id;
    specs = seedSpecs(60);
    await seedProject(t.lib, projectId, specs);
    // One generated avatar, made by the in-process test provider, to vary and reuse later.
    const [job] = await t.lib.must('generations.create', {
      projectId,
      recipe: { persona: { name: 'Nadia Rahman', age: 34, personality: ['Warm'] }, attributes: { gender: 'female', ageRange: 'adult', style: 'Professional' }, prompt: RECIPE_PROMPT },
      params: { seed: 4242 },
      name: 'Nadia',
    });
    await until(async () => (await t.lib.must('generations.get', { id: job!.id })).status === 'completed');
    nadia = await t.lib.must('avatars.get', { id: (await t.lib.must('generations.get', { id: job!.id })).avatarId! });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(WAIT.timeout);
    page.on('request', (request) => {
      if (request.url().endsWith('/api/invoke/avatars.search')) searches.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
    });
    collectPageProblems(page, problems);
    await page.goto(`${t.bridge.url}#/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor(WAIT);
    await cards().first().waitFor(WAIT);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('types a search and shows only what matches; Escape gives the whole project back', async () => {
    expect(await count().textContent()).toBe('61 avatars');
    expect(searches).toEqual([]);

    // Typed like a person types: the box waits for a pause, so ten keys make one search.
    await searchBox().pressSequentially('lighthouse', { delay: 25 });
    const expected = specs.filter((spec) => spec.background.includes('lighthouse')).map((spec) => spec.name);
    await expect.poll(() => count().textContent(), POLL).toBe(`${expected.length} of 61`);
    // Usually one; a loaded machine may pause long enough mid-word for another. Never one per key.
    expect(searches.length, JSON.stringify(searches)).toBeLessThanOrEqual(4);
    expect(searches.at(-1)).toMatchObject({ projectId, query: 'lighthouse', sort: 'newest' });
    expect((await cardNames(page)).sort()).toEqual([...expected].sort());

    // Persona fields are searched too, by word prefix.
    await searchBox().fill('okaf');
    const okafor = specs.filter((spec) => spec.style === 'Professional').map((spec) => spec.name);
    await expect.poll(() => count().textContent(), POLL).toBe(`${okafor.length} of 61`);
    expect((await cardNames(page)).sort()).toEqual([...okafor].sort());

    await searchBox().press('Escape');
    expect(await searchBox().inputValue()).toBe('');
    await expect.poll(() => count().textContent(), POLL).toBe('61 avatars');
    await expect.poll(() => cards().first().locator('.avatar-card__name').textContent(), POLL).toBe('Nadia');
  });

  it('filters by a gender chip and sorts by name, in the library’s order', async () => {
    await page.getByRole('button', { name: 'Gender', exact: true }).click();
    const menu = page.getByRole('group', { name: 'Gender' });
    await menu.getByRole('checkbox', { name: /^Female/ }).check();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached', ...WAIT });
    // The chip says what it holds, and focus is back on it.
    const chip = page.getByRole('button', { name: 'Gender: Female' });
    await expect.poll(() => hasFocus(chip), POLL).toBe(true);

    await page.getByLabel('Sort').selectOption('name');
    const all = await inProject();
    const female = all.filter((avatar) => avatar.attributes.gender === 'female').sort(byName);
    await expect.poll(() => count().textContent(), POLL).toBe(`${female.length} of 61`);
    const expected = female.map((avatar) => avatar.name);
    await expect
      .poll(async () => {
        const shown = await cardNames(page);
        return shown.length > 0 && shown.every((name, index) => name === expected[index]);
      }, POLL)
      .toBe(true);
    expect(searches.at(-1)).toMatchObject({ projectId, gender: ['female'], sort: 'name' });

    await page.getByRole('button', { name: 'Clear gender filter' }).click();
    await expect.poll(() => count().textContent(), POLL).toBe('61 of 61');
  });

  it('pages through results by scrolling: the next page is asked for with the cursor as the end nears', async () => {
    const before = searches.length;
    const sorted = (await inProject()).sort(byName);
    // Sorted by name, all 61 match: more than one page.
    expect(await cards().first().getAttribute('aria-setsize')).toBe('48');
    expect(searches.slice(before).some((body) => 'cursor' in body)).toBe(false);

    await scrollGridToEnd(page);
    await expect.poll(async () => cards().first().getAttribute('aria-setsize'), POLL).toBe('61');
    const paged = searches.slice(before).filter((body) => 'cursor' in body);
    expect(paged).toHaveLength(1);
    expect(paged[0]).toMatchObject({ projectId, sort: 'name', limit: 48 });
    expect(await listbox().getAttribute('aria-label')).toBe('Search results, 61 shown');

    // The end of the grid is the end of the library's order.
    await scrollGridToEnd(page);
    await expect.poll(async () => (await cardNames(page)).slice(-3), POLL).toEqual(sorted.slice(-3).map((avatar) => avatar.name));
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => count().textContent(), POLL).toBe('61 avatars');
  });

  it('keeps visible results current from pushed events: a rename shows, a deletion leaves', async () => {
    await searchBox().fill('lighthouse');
    await expect.poll(() => count().textContent(), POLL).toBe('15 of 61');
    const [first, second] = (await inProject()).filter((avatar) => avatar.persona.background?.includes('lighthouse'));
    // Changed elsewhere (here: straight through the router, as the CLI would).
    await t.lib.must('avatars.update', { id: first!.id, name: 'Renamed keeper' });
    await expect.poll(async () => (await cardNames(page)).includes('Renamed keeper'), POLL).toBe(true);
    await t.lib.must('avatars.delete', { id: second!.id });
    await expect.poll(() => count().textContent(), POLL).toBe('14 of 60');
    expect(await cardNames(page)).not.toContain(second!.name);
    await searchBox().press('Escape');
    await expect.poll(() => count().textContent(), POLL).toBe('60 avatars');
  });

  it('selects three with Ctrl-click and Shift-click and deletes them after asking', async () => {
    const names = (await cardNames(page)).slice(1, 4);
    await cards().nth(1).click({ modifiers: ['ControlOrMeta'] });
    await cards().nth(3).click({ modifiers: ['Shift'] });
    const bar = page.getByTestId('selection-bar');
    await bar.getByText('selected').waitFor(WAIT);
    expect(await bar.textContent()).toContain('3 selected');
    expect(await listbox().locator('[aria-selected="true"]').count()).toBe(3);
    expect(await listbox().getAttribute('aria-multiselectable')).toBe('true');
    // Selecting is not opening: the detail panel stays shut.
    expect(await page.getByTestId('avatar-detail').count()).toBe(0);

    // Ctrl-click toggles one out and back in.
    await cards().nth(2).click({ modifiers: ['ControlOrMeta'] });
    expect(await bar.textContent()).toContain('2 selected');
    await cards().nth(2).click({ modifiers: ['ControlOrMeta'] });
    expect(await bar.textContent()).toContain('3 selected');

    await page.getByRole('button', { name: 'Delete selected' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete 3 avatars?' });
    await confirm.waitFor(WAIT);
    for (const name of names) expect(await confirm.textContent()).toContain(`“${name}”`);
    // Cancel has the focus: a stray Enter deletes nothing.
    await expect.poll(() => hasFocus(confirm.getByRole('button', { name: 'Cancel' })), POLL).toBe(true);
    await confirm.getByRole('button', { name: 'Delete 3 avatars' }).click();
    await confirm.waitFor({ state: 'detached', ...WAIT });
    await page.getByText('Deleted 3 avatars').waitFor(WAIT);

    await expect.poll(() => count().textContent(), POLL).toBe('57 avatars');
    const left = (await inProject()).map((avatar) => avatar.name);
    for (const name of names) {
      expect(left).not.toContain(name);
      expect(await cardNames(page)).not.toContain(name);
    }
    await bar.waitFor({ state: 'detached', ...WAIT });
  });

  it('works from the keyboard: Ctrl-A takes every loaded card, Escape lets go, Delete asks about the focused one, Enter opens it', async () => {
    await cards().first().focus();
    await page.keyboard.press('ControlOrMeta+a');
    const bar = page.getByTestId('selection-bar');
    await expect.poll(async () => (await bar.textContent()) ?? '', POLL).toContain('57 selected');
    await page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached', ...WAIT });

    // Shift+arrows make a range from the focused card.
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await bar.textContent()) ?? '', POLL).toContain('3 selected');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Delete');
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('This cannot be undone.').waitFor(WAIT);
    expect(await confirm.getByRole('heading').textContent()).toBe(`Delete “${(await cardNames(page))[2]}”?`);
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached', ...WAIT });
    expect(await inProject()).toHaveLength(57);
    await page.getByRole('button', { name: 'Clear selection' }).click();

    // Enter opens the focused card in the panel; Escape closes it and focus comes back to the card.
    const second = cards().nth(1);
    const name = await second.locator('.avatar-card__name').textContent();
    await second.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('avatar-detail');
    await detail.getByRole('heading', { name: name!, exact: true }).waitFor(WAIT);
    expect(await page.getByTestId('selection-bar').count()).toBe(0);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => hasFocus(cards().nth(1)), POLL).toBe(true);
  });

  it('moves two to another project, and lists the one that could not be moved, and why', async () => {
    const [first, second, third] = (await cardNames(page)).slice(4, 7);
    for (const index of [4, 5, 6]) await cards().nth(index).click({ modifiers: ['ControlOrMeta'] });
    await page.getByRole('button', { name: 'Move selected' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Move 3 avatars' });
    await dialog.getByLabel('Move to project').selectOption({ label: 'Archive' });
    // Meanwhile another window deletes the third: its move must fail, the others go on.
    const gone = (await inProject()).find((avatar) => avatar.name === third)!;
    await t.lib.must('avatars.delete', { id: gone.id });
    await dialog.getByRole('button', { name: 'Move to Archive' }).click();

    const progress = dialog.getByTestId('bulk-progress');
    await progress.getByText('2 moved · 1 failed').waitFor(WAIT);
    expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3');
    const failures = progress.getByRole('list', { name: 'Failed' });
    expect(await failures.textContent()).toContain(third);
    expect(await failures.textContent()).toContain('It no longer exists.');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });

    await expect.poll(() => count().textContent(), POLL).toBe('54 avatars');
    const archived = await t.lib.must('avatars.list', { projectId: archiveId });
    expect(archived.map((avatar) => avatar.name).sort()).toEqual([first, second].sort());
    for (const name of [first, second, third]) expect(await cardNames(page)).not.toContain(name);
  });

  it('searches every project from the top bar and opens the avatar in its own project', async () => {
    const [moved] = await t.lib.must('avatars.list', { projectId: archiveId });
    const box = page.getByRole('combobox', { name: 'Search all projects' });
    await page.keyboard.press('ControlOrMeta+k');
    await expect.poll(() => hasFocus(box), POLL).toBe(true);
    await box.pressSequentially(moved!.name, { delay: 20 });
    const results = page.getByRole('listbox', { name: 'Avatars in all projects' });
    const option = results.getByRole('option').filter({ hasText: 'Archive' }).filter({ hasText: moved!.name }).first();
    await option.waitFor(WAIT);
    expect(searches.at(-1)).not.toHaveProperty('projectId');
    // Arrows move the active option; Enter opens it.
    const index = (await results.getByRole('option').allTextContents()).findIndex((text) => text.includes(moved!.name) && text.includes('Archive'));
    for (let step = 0; step < index; step += 1) await box.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Archive' }).waitFor(WAIT);
    await page.getByTestId('avatar-detail').getByRole('heading', { name: moved!.name, exact: true }).waitFor(WAIT);
    expect(page.url()).toContain(`#/projects/${archiveId}/avatars/${moved!.id}`);
    await page.goto(`${t.bridge.url}#/projects/${projectId}`);
    await page.getByRole('heading', { level: 1, name: PROJECT }).waitFor(WAIT);
  });

  it('makes variations with "More like this", and each says "Variation of" its parent, linking back', async () => {
    await page.goto(`${t.bridge.url}#/projects/${projectId}/avatars/${nadia.id}`);
    const detail = page.getByTestId('avatar-detail');
    await detail.getByRole('heading', { name: 'Nadia' }).waitFor(WAIT);
    await detail.getByLabel('How many variations').selectOption('2');
    await detail.getByRole('button', { name: 'More like this' }).click();

    await expect.poll(async () => (await inProject()).filter((avatar) => avatar.parentAvatarId === nadia.id).length, POLL).toBe(2);
    const strip = detail.getByRole('list', { name: 'Variations of Nadia' });
    await expect.poll(() => strip.getByRole('link').count(), POLL).toBe(2);
    const variations = (await inProject()).filter((avatar) => avatar.parentAvatarId === nadia.id);
    // Same recipe, new seeds.
    expect(new Set(variations.map((avatar) => avatar.generation?.prompt))).toEqual(new Set([nadia.generation?.prompt]));
    expect(variations.map((avatar) => avatar.generation?.seed)).not.toContain(nadia.generation?.seed);

    await strip.getByRole('link').first().click();
    await expect.poll(() => detail.getByTestId('variation-of').textContent(), POLL).toBe('Variation of Nadia');
    await detail.getByRole('link', { name: 'Nadia', exact: true }).click();
    await detail.getByRole('heading', { name: 'Nadia', exact: true }).waitFor(WAIT);
    expect(await detail.getByTestId('variation-of').count()).toBe(0);
  });

  it('"Use this recipe" opens the generate dialog filled in from the avatar', async () => {
    const detail = page.getByTestId('avatar-detail');
    await detail.getByRole('button', { name: 'Use this recipe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate avatars' });
    await dialog.waitFor(WAIT);
    expect(await dialog.getByRole('textbox', { name: 'Prompt', exact: true }).inputValue()).toBe(RECIPE_PROMPT);
    expect(await dialog.getByLabel('Persona name').inputValue()).toBe('Nadia Rahman');
    expect(await dialog.getByLabel('Gender').inputValue()).toBe('female');
    expect(await dialog.getByRole('textbox', { name: 'Seed' }).or(dialog.getByRole('spinbutton', { name: 'Seed' })).inputValue()).toBe('4242');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
  });

  it('logged no errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
