import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsPatchSchema } from '../../src/shared/settings';
import { CUSTOM_MODEL, generationDraftOf, generationFieldOf, generationPatchOf, validateGeneration } from '../../src/renderer/src/views/settings/generationDraft';
import { creditDraftOf, creditFieldOf, creditsPatchOf, validateCredits } from '../../src/renderer/src/views/settings/creditsDraft';
import { errorsFromIssues } from '../../src/renderer/src/views/settings/draftKit';
import { tokenKeeping, tokenProblem, tokenStateLabel } from '../../src/renderer/src/views/settings/tokenText';
import { parseRoute, routeHash } from '../../src/renderer/src/lib/route';
import { describeError } from '../../src/renderer/src/lib/errorText';

const generation = DEFAULT_SETTINGS.generation;

describe('the Generation section', () => {
  it('sends only what was edited, as the contract takes it', () => {
    const current = generationDraftOf(generation);
    const edits = { concurrency: '12', endpointUrl: '  ', guidance: '4.5' };
    const draft = { ...current, ...edits };
    expect(validateGeneration(draft)).toEqual({});
    const patch = { generation: generationPatchOf(draft, edits, current) };
    // An emptied endpoint is "none"; an edit back to the stored value sends nothing.
    expect(patch).toEqual({ generation: { concurrency: 12, guidance: 4.5 } });
    expect(generationPatchOf({ ...current, endpointUrl: '' }, { endpointUrl: '' }, { ...current, endpointUrl: 'https://x.example' })).toEqual({ endpointUrl: null });
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  it('keeps a custom model as its own field and sends it as the model', () => {
    const current = generationDraftOf({ ...generation, model: 'acme/portrait-xl' });
    expect(current).toMatchObject({ modelChoice: CUSTOM_MODEL, customModel: 'acme/portrait-xl' });
    const draft = { ...current, customModel: ' acme/portrait-2 ' };
    expect(generationPatchOf(draft, { customModel: draft.customModel }, current)).toEqual({ model: 'acme/portrait-2' });
    expect(validateGeneration({ ...draft, customModel: 'no slash' }).customModel).toMatch(/owner\/name/);
  });

  it('says what is wrong at each field before anything is sent', () => {
    const draft = { ...generationDraftOf(generation), width: '1000', height: '', steps: '0', guidance: '21', concurrency: '33', maxAttempts: '1.5', endpointUrl: 'not a url' };
    expect(validateGeneration(draft)).toEqual({
      width: 'Enter a multiple of 16.',
      height: 'Enter a whole number from 256 to 2,048.',
      steps: 'Enter a whole number from 1 to 100.',
      guidance: 'Enter a number from 0 to 20.',
      concurrency: 'Enter a whole number from 1 to 32.',
      maxAttempts: 'Enter a whole number from 1 to 10.',
      endpointUrl: 'Enter a full address like https://…, or leave it empty.',
    });
  });

  it('puts the library’s issues at the fields they name', () => {
    const draft = generationDraftOf(generation);
    const issues = [
      { path: 'generation.inferenceProvider', message: 'must be auto or one of: fal-ai' },
      { path: 'generation.model', message: 'must be a model id like owner/name' },
      { path: 'theme', message: 'elsewhere' },
    ];
    expect(errorsFromIssues(issues, generationFieldOf(draft))).toEqual({ inferenceProvider: 'Must be auto or one of: fal-ai', modelChoice: 'Must be a model id like owner/name' });
    expect(errorsFromIssues(issues, generationFieldOf({ ...draft, modelChoice: CUSTOM_MODEL }))).toMatchObject({ customModel: 'Must be a model id like owner/name' });
  });
});

describe('the Credits section', () => {
  it('treats an empty limit as no limit and sends costs as a partial', () => {
    const current = creditDraftOf({ ...DEFAULT_SETTINGS.credits, dailyLimit: 500 });
    expect(current.dailyLimit).toBe('500');
    expect(current.batchLimit).toBe('');
    const edits = { dailyLimit: '', batchLimit: '0', upload: '3' };
    const draft = { ...current, ...edits };
    expect(validateCredits(draft)).toEqual({});
    const patch = { credits: creditsPatchOf(draft, edits, current) };
    expect(patch).toEqual({ credits: { dailyLimit: null, batchLimit: 0, costs: { upload: 3 } } });
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  it('checks costs and limits, and maps the library’s paths back', () => {
    const draft = { ...creditDraftOf(DEFAULT_SETTINGS.credits), generate: '-1', dailyLimit: '2.5' };
    expect(validateCredits(draft)).toEqual({ generate: 'Enter a whole number from 0 to 1,000.', dailyLimit: 'Enter a whole number from 0 to 10,000,000, or leave it empty.' });
    expect(creditFieldOf('credits.costs.fromReference')).toBe('fromReference');
    expect(creditFieldOf('credits.batchLimit')).toBe('batchLimit');
    expect(creditFieldOf('generation.steps')).toBeNull();
  });
});

describe('the token section', () => {
  it('never sends a token with spaces, and says how it may be kept in each shell', () => {
    expect(tokenProblem('  ')).toBe('Paste the token first.');
    expect(tokenProblem('hf_ab cd')).toMatch(/no spaces/);
    expect(tokenProblem(' hf_abc ')).toBeNull();
    expect(tokenKeeping('web', false)).toBe('sessionOnly');
    expect(tokenKeeping('electron', true)).toBe('encrypted');
    expect(tokenKeeping('electron', false)).toBe('weak');
    expect(tokenStateLabel({ state: 'valid', storage: 'session', canEncrypt: false, account: 'ana', checkedAt: 1 })).toBe('Valid (ana)');
  });
});

describe('routes and fixes', () => {
  it('parses and writes the settings and credits pages', () => {
    expect(parseRoute('#/settings')).toEqual({ kind: 'settings', section: null });
    expect(parseRoute('#/settings/credits')).toEqual({ kind: 'settings', section: 'credits' });
    expect(parseRoute('#/settings/nope')).toEqual({ kind: 'settings', section: null });
    expect(parseRoute('#/credits')).toEqual({ kind: 'credits' });
    expect(routeHash({ kind: 'settings', section: 'token' })).toBe('#/settings/token');
  });

  it('links a spending-limit error to Settings → Credits', () => {
    expect(describeError({ code: 'SPENDING_LIMIT', message: 'Over.' }).fix).toEqual({ href: '#/settings/credits', label: 'Change the limits in Settings → Credits' });
    expect(describeError({ code: 'NOT_FOUND', message: 'Gone.' }).fix).toBeUndefined();
  });
});
