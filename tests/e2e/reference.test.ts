import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generationFromEnvironment } from '../../src/main/core';
import type { Avatar } from '../../src/shared/domain';
import { REFERENCE_DEFAULTS } from '../../src/shared/vocabulary';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { startTestBridge, type TestBridge } from '../helpers/bridge';
import { collectPageProblems, launchChromium } from '../helpers/browser';
import { makeImage } from '../helpers/images';
import { dropFiles } from './dropFiles';
import { InvokeLog, hasFocus } from './generateKit';

const TOKEN = 'hf_test_token';
const WAIT = { timeout: 15_000 };
const POLL = { timeout: 15_000, interval: 50 };
const SUIT = 'same person, navy business suit, glass office background';
const SCARF = 'same person, red wool scarf, snowy street';

describe('new avatars from a reference image in a real browser, through the web bridge and the real Hugging Face client', () => {
  let fake: FakeInference;
  let t: TestBridge;
  let browser: Browser;
  let page: Page;
  let projectId = '';
  let nadia: Avatar;
  const env: NodeJS.ProcessEnv = { HF_TOKEN: TOKEN };
  const invokes = new InvokeLog();
  const problems: string[] = [];

  beforeAll(async () => {
    fake = await startFakeInference({ token: TOKEN });
    env.AVATAR_CREATOR_HF_ENDPOINT = fake.url;
    t = await startTestBridge({ generation: { ...generationFromEnvironment(env, { runJobs: true }), progressIntervalMs: 100 } });
    projectId = (await t.lib.must('projects.create', { name: 'Studio' })).id;
    nadia = await t.lib.must('avatars.upload', {
      projectId,
      fileName: 'nadia.jpg',
      bytes: await makeImage('jpeg', 320, 400),
      name: 'Nadia',
      persona: { name: 'Nadia Rahman', age: 34 },
      attributes: { gender: 'female', hairColor: 'black' },
    });
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
  const detail = () => page.getByTestId('avatar-detail');
  const dialogNamed = (name: string | RegExp) => page.getByRole('dialog', { name });
  const instruction = (dialog: ReturnType<Page['getByRole']>) => dialog.getByRole('textbox', { name: 'Instruction' });
  const edits = () => fake.requests.filter((request) => request.route === 'endpoint' && request.task === 'image-to-image');
  const inProject = () => t.lib.must('avatars.list', { projectId });

  it('opens "New from this avatar…" on an uploaded avatar: its image, the instruction box, and an honest note', async () => {
    await page.goto(`${t.bridge.url}#/projects/${projectId}/avatars/${nadia.id}`);
    await detail().getByRole('heading', { name: 'Nadia', exact: true }).waitFor(WAIT);
    invokes.mark();
    await detail().getByRole('button', { name: 'New from this avatar…' }).click();
    const dialog = dialogNamed('New from “Nadia”');
    await dialog.waitFor(WAIT);
    await expect.poll(() => hasFocus(instruction(dialog)), POLL).toBe(true);
    await dialog.getByRole('img', { name: 'Reference: Nadia' }).waitFor(WAIT);
    const note = await dialog.getByTestId('reference-note').textContent();
    expect(note).toContain('Needs a Hugging Face token');
    expect(note).toContain('sent to Hugging Face');
    // Kontext's defaults wait under Settings.
    await dialog.getByRole('button', { name: /^Settings/ }).click();
    expect(await dialog.getByRole('textbox', { name: 'Model' }).inputValue()).toBe(REFERENCE_DEFAULTS.model);
    expect(await dialog.getByRole('spinbutton', { name: 'Steps' }).inputValue()).toBe(String(REFERENCE_DEFAULTS.steps));
    expect(await dialog.getByRole('spinbutton', { name: 'Guidance' }).inputValue()).toBe(String(REFERENCE_DEFAULTS.guidance));
  });

  it('says at the field that an instruction is needed and that 9 is too many, keeps what was typed, and sends nothing', async () => {
    const dialog = dialogNamed('New from “Nadia”');
    await dialog.getByRole('spinbutton', { name: 'How many' }).fill('9');
    await dialog.getByRole('button', { name: 'Make avatar' }).click();
    await dialog.getByText('Say what should change, e.g.').waitFor(WAIT);
    await dialog.getByText('Enter a whole number from 1 to 8.').waitFor(WAIT);
    expect(await instruction(dialog).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => hasFocus(instruction(dialog)), POLL).toBe(true);
    expect(await dialog.getByRole('spinbutton', { name: 'How many' }).inputValue()).toBe('9');
    // An example chip fills the empty box.
    await dialog.getByRole('button', { name: 'same person, smiling, outdoor café' }).click();
    expect(await instruction(dialog).inputValue()).toBe('same person, smiling, outdoor café');
    expect(invokes.sinceMark().filter((name) => name === 'generations.fromReference')).toEqual([]);
  });

  it('makes the edit: the job goes to Hugging Face as image-to-image, and the new avatar says "Made from Nadia"', async () => {
    const dialog = dialogNamed('New from “Nadia”');
    await instruction(dialog).fill(SUIT);
    await dialog.getByRole('spinbutton', { name: 'How many' }).fill('1');
    await dialog.getByRole('button', { name: 'Make avatar' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await page.getByTestId('generations-tray').waitFor(WAIT);

    await expect.poll(() => cards().count(), POLL).toBe(2);
    const made = (await inProject()).find((avatar) => avatar.sourceType === 'from_reference');
    expect(made).toMatchObject({ name: 'Nadia (edited)', parentAvatarId: nadia.id, persona: { name: 'Nadia Rahman', age: 34 }, attributes: { gender: 'female', hairColor: 'black' } });
    expect(edits().map((request) => request.body?.parameters?.prompt)).toEqual([SUIT]);
    expect(edits()[0]?.authValid).toBe(true);

    await cards().filter({ hasText: 'Nadia (edited)' }).click();
    await detail().getByRole('heading', { name: 'Nadia (edited)' }).waitFor(WAIT);
    await expect.poll(() => detail().getByTestId('variation-of').textContent(), POLL).toBe('Made from Nadia');
  });

  it('"Use this recipe" on the edit opens the reference dialog on Nadia with the same instruction; a dropped image replaces the reference', async () => {
    await detail().getByRole('button', { name: 'Use this recipe' }).click();
    const dialog = dialogNamed('New from “Nadia”');
    await dialog.waitFor(WAIT);
    expect(await instruction(dialog).inputValue()).toBe(SUIT);
    // An image dropped on the dialog becomes the reference; the project behind does not take it as an upload.
    await dropFiles(instruction(dialog), [{ name: 'dropped.png', type: 'image/png', bytes: await makeImage('png', 200, 260) }]);
    const swapped = dialogNamed('New from an image');
    await swapped.getByText('dropped.png').waitFor(WAIT);
    expect(await page.getByRole('dialog').count()).toBe(1);
    expect(await instruction(swapped).inputValue()).toBe(SUIT);
    await page.keyboard.press('Escape');
    await swapped.waitFor({ state: 'detached', ...WAIT });
    // The parent links back, and lists what was made from it.
    await detail().getByRole('link', { name: 'Nadia', exact: true }).click();
    await detail().getByRole('heading', { name: 'Nadia', exact: true }).waitFor(WAIT);
    await expect.poll(() => detail().getByRole('list', { name: 'Made from Nadia' }).getByRole('link').count(), POLL).toBe(1);
  });

  it('"From an image…" in the header: a bad file is refused above the form, which keeps the instruction; another image works', async () => {
    await page.getByTestId('reference-input').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
    const dialog = dialogNamed('New from an image');
    await dialog.waitFor(WAIT);
    await instruction(dialog).fill(SCARF);
    await dialog.getByRole('button', { name: 'Make avatar' }).click();
    expect(await dialog.getByRole('alert').textContent()).toContain('Not a supported image');
    expect(await instruction(dialog).inputValue()).toBe(SCARF);

    await dialog.getByTestId('reference-file-input').setInputFiles({ name: 'street-portrait.png', mimeType: 'image/png', buffer: await makeImage('png', 300, 300) });
    await dialog.getByText('street-portrait.png').waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Make avatar' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });

    await expect.poll(() => cards().count(), POLL).toBe(3);
    const made = (await inProject()).find((avatar) => avatar.name === 'street portrait (edited)');
    expect(made).toMatchObject({ sourceType: 'from_reference', parentAvatarId: null });
    expect(edits().map((request) => request.body?.parameters?.prompt)).toEqual([SUIT, SCARF]);

    await cards().filter({ hasText: 'street portrait (edited)' }).click();
    await detail().getByRole('heading', { name: 'street portrait (edited)' }).waitFor(WAIT);
    await expect.poll(() => detail().getByTestId('variation-of').textContent(), POLL).toBe('Made from an uploaded image');
    // No avatar to edit again: More like this repeats the edit, "Use this recipe" is not offered.
    await detail().getByTestId('reference-lost-note').waitFor(WAIT);
    expect(await detail().getByRole('button', { name: 'Use this recipe' }).count()).toBe(0);
    await detail().getByRole('button', { name: 'New from this avatar…' }).click();
    const again = dialogNamed('New from “street portrait (edited)”');
    await again.waitFor(WAIT);
    expect(await instruction(again).inputValue()).toBe(SCARF);
    await page.keyboard.press('Escape');
    await again.waitFor({ state: 'detached', ...WAIT });
  });

  it('"More like this" on an edit repeats it: a variation of it, with the same instruction sent again', async () => {
    await detail().getByLabel('How many variations').selectOption('1');
    await detail().getByRole('button', { name: 'More like this' }).click();
    await expect.poll(() => cards().count(), POLL).toBe(4);
    expect(edits().map((request) => request.body?.parameters?.prompt)).toEqual([SUIT, SCARF, SCARF]);
    const parent = (await inProject()).find((avatar) => avatar.name === 'street portrait (edited)')!;
    const variation = (await inProject()).find((avatar) => avatar.parentAvatarId === parent.id)!;
    await page.goto(`${t.bridge.url}#/projects/${projectId}/avatars/${variation.id}`);
    await detail().getByRole('heading', { name: variation.name }).waitFor(WAIT);
    await expect.poll(() => detail().getByTestId('variation-of').textContent(), POLL).toBe('Variation of street portrait (edited)');
  });

  it('logged no errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
