import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REFERENCE_DRAFT,
  INSTRUCTION_EXAMPLES,
  REFERENCE_COUNT_MAX,
  defaultNameFor,
  isDefaultSettings,
  referenceCommandOf,
  referenceDraftFromAvatar,
  referenceFieldErrorsOf,
  validateReferenceDraft,
  withExample,
} from '../../src/renderer/src/modals/reference/referenceDraft';
import { readReference, referenceKey, rememberDraft, rememberedDraft } from '../../src/renderer/src/modals/reference/referenceMemory';
import { commandInputs } from '../../src/shared/contract';
import type { Avatar } from '../../src/shared/domain';
import { REFERENCE_DEFAULTS } from '../../src/shared/vocabulary';

const PROJECT = 'prj_000000000000000000000000';
const AVATAR = 'ava_000000000000000000000000';
const draft = (change: Partial<typeof DEFAULT_REFERENCE_DRAFT> = {}) => ({ ...DEFAULT_REFERENCE_DRAFT, instruction: 'same person, red scarf', ...change });

describe('reference dialog drafts', () => {
  it('starts from Kontext’s own defaults', () => {
    expect(DEFAULT_REFERENCE_DRAFT).toMatchObject({ model: REFERENCE_DEFAULTS.model, steps: '28', guidance: '2.5', count: '1', seed: '' });
    expect(isDefaultSettings(DEFAULT_REFERENCE_DRAFT)).toBe(true);
    expect(isDefaultSettings({ ...DEFAULT_REFERENCE_DRAFT, steps: '20' })).toBe(false);
  });

  it('needs an instruction, and checks count (1–8), seed, model, steps and guidance before sending', () => {
    expect(validateReferenceDraft(draft())).toEqual({});
    const errors = validateReferenceDraft(draft({ instruction: '   ', count: String(REFERENCE_COUNT_MAX + 1), seed: '-1', model: 'not a model', steps: '0', guidance: '30' }));
    expect(Object.keys(errors).sort()).toEqual(['count', 'guidance', 'instruction', 'model', 'seed', 'steps']);
    expect(errors.count).toBe('Enter a whole number from 1 to 8.');
    expect(validateReferenceDraft(draft({ count: '2.5' })).count).toBeDefined();
    expect(validateReferenceDraft(draft({ seed: '' })).seed).toBeUndefined();
  });

  it('builds a command the contract accepts, for an avatar and for a file', () => {
    const byAvatar = referenceCommandOf(draft({ count: '3', seed: '7', instruction: '  same person, smiling  ' }), PROJECT, { avatarId: AVATAR }, 'Nadia (edited)');
    expect(byAvatar).toEqual({
      projectId: PROJECT,
      reference: { avatarId: AVATAR },
      instruction: 'same person, smiling',
      params: { model: REFERENCE_DEFAULTS.model, steps: 28, guidance: 2.5, seed: 7 },
      count: 3,
      name: 'Nadia (edited)',
    });
    expect(commandInputs['generations.fromReference'].safeParse(byAvatar).success).toBe(true);

    const byFile = referenceCommandOf(draft({ name: ' Ana at work ' }), PROJECT, { fileName: 'ana.png', bytes: new Uint8Array([1, 2, 3]) }, 'ana (edited)');
    expect(byFile).toMatchObject({ name: 'Ana at work', count: 1 });
    expect(byFile.params).not.toHaveProperty('seed');
    expect(commandInputs['generations.fromReference'].safeParse(byFile).success).toBe(true);
  });

  it('names the results after the reference unless told otherwise', () => {
    expect(defaultNameFor({ kind: 'avatar', avatar: { id: AVATAR, name: 'Nadia' } })).toBe('Nadia (edited)');
    expect(defaultNameFor({ kind: 'file', file: new File([], 'portrait-of_ana.webp') })).toBe('portrait of ana (edited)');
  });

  it('fills an empty box with an example, swaps examples, and adds to the user’s own words', () => {
    const [first = '', second = ''] = INSTRUCTION_EXAMPLES;
    expect(withExample('', first)).toBe(first);
    expect(withExample(first, second)).toBe(second);
    expect(withExample('wearing a red hat.', second)).toBe(`wearing a red hat, ${second}`);
  });

  it('puts the library’s validation issues at the dialog’s fields', () => {
    expect(
      referenceFieldErrorsOf([
        { path: 'instruction', message: 'must say what to change' },
        { path: 'params.model', message: 'must be a model id like owner/name' },
        { path: 'params', message: 'unknown key' },
        { path: 'count', message: 'too big' },
      ]),
    ).toEqual({ instruction: 'Must say what to change', model: 'Must be a model id like owner/name', count: 'Too big' });
  });

  it('"Use this recipe" takes the instruction, model, steps, guidance and seed of a from-reference avatar', () => {
    const avatar = {
      generation: { prompt: 'same person, beach', negativePrompt: null, seed: 99, model: REFERENCE_DEFAULTS.model, provider: 'huggingface', params: { steps: 20, guidance: 3, width: 640, height: 800 } },
    } as unknown as Avatar;
    expect(referenceDraftFromAvatar(avatar, 'same person, beach at dusk')).toEqual({ ...DEFAULT_REFERENCE_DRAFT, instruction: 'same person, beach at dusk', steps: '20', guidance: '3', seed: '99' });
    // Without its job, the prompt it keeps is the same words.
    expect(referenceDraftFromAvatar(avatar, null).instruction).toBe('same person, beach');
  });

  it('remembers what was typed for the same reference only, and forgets after sending', async () => {
    const avatarKey = referenceKey({ kind: 'avatar', avatar: { id: AVATAR, name: 'Nadia' } });
    rememberDraft(avatarKey, draft({ instruction: 'half typed' }));
    expect(rememberedDraft(avatarKey).instruction).toBe('half typed');
    expect(rememberedDraft('avatar:ava_other')).toEqual(DEFAULT_REFERENCE_DRAFT);
    rememberDraft(avatarKey, null);
    expect(rememberedDraft(avatarKey)).toEqual(DEFAULT_REFERENCE_DRAFT);

    expect(await readReference({ kind: 'avatar', avatar: { id: AVATAR, name: 'Nadia' } })).toEqual({ ok: true, input: { avatarId: AVATAR } });
    const read = await readReference({ kind: 'file', file: new File([new Uint8Array([9, 8, 7])], 'face.jpg') });
    expect(read).toEqual({ ok: true, input: { fileName: 'face.jpg', bytes: new Uint8Array([9, 8, 7]) } });
  });
});
