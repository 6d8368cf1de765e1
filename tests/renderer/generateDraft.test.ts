import { describe, expect, it } from 'vitest';
import { draftFromAvatar } from '../../src/renderer/src/modals/generate/draftFromAvatar';
import { DEFAULT_GENERATE_DRAFT, OFFLINE_ENGINE, createInputOf } from '../../src/renderer/src/modals/generate/generateDraft';
import { commandInputs } from '../../src/shared/contract';
import type { Avatar } from '../../src/shared/domain';

const PROJECT = 'prj_000000000000000000000000';

describe('generate dialog drafts', () => {
  it('sends FLUX drafts to Hugging Face with model, steps and guidance', () => {
    const input = createInputOf({ ...DEFAULT_GENERATE_DRAFT, seed: '7' }, PROJECT);
    expect(input.params).toEqual({ provider: 'huggingface', model: 'black-forest-labs/FLUX.1-dev', width: 1024, height: 1024, steps: 30, guidance: 3.5, seed: 7 });
    expect(commandInputs['generations.create'].safeParse(input).success).toBe(true);
  });

  it('sends the offline drawer with only what it uses, and the contract accepts it', () => {
    const input = createInputOf({ ...DEFAULT_GENERATE_DRAFT, model: OFFLINE_ENGINE, size: 'small' }, PROJECT);
    expect(input.params).toEqual({ provider: 'offline', width: 512, height: 512 });
    expect(commandInputs['generations.create'].safeParse(input).success).toBe(true);
  });

  it('reuses an offline avatar’s recipe with the offline drawer', () => {
    const avatar = {
      persona: { name: null, age: null, personality: [], background: null },
      attributes: { gender: 'female', ageRange: null, ethnicity: null, bodyType: null, hairStyle: null, hairColor: 'auburn', eyeColor: null, skinTone: null, style: null },
      generation: { prompt: 'p', negativePrompt: null, seed: 42, model: 'dicebear/avataaars', provider: 'offline', params: { width: 512, height: 512 } },
    } as unknown as Avatar;
    const draft = draftFromAvatar(avatar, null);
    expect(draft).toMatchObject({ model: OFFLINE_ENGINE, seed: '42', size: 'small' });
  });
});
