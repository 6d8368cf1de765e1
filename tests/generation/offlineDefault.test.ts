import { describe, expect, it } from 'vitest';
import { generationFromEnvironment } from '../../src/main/core';

describe('the offline provider is the default until a token is set', () => {
  it.each([
    [{}, 'offline'],
    [{ HF_TOKEN: '' }, 'offline'],
    [{ HF_TOKEN: '   ' }, 'offline'],
    [{ HF_TOKEN: 'hf_something' }, 'huggingface'],
  ])('%j → %s', (env, provider) => {
    const options = generationFromEnvironment(env, { runJobs: false });
    expect(options.settings?.generation().provider).toBe(provider);
  });

  it('both providers stay selectable, whatever the default', () => {
    for (const env of [{}, { HF_TOKEN: 'hf_something' }]) {
      const options = generationFromEnvironment(env, { runJobs: false });
      expect(options.providerFor('offline')?.kind).toBe('offline');
      expect(options.providerFor('huggingface')?.kind).toBe('huggingface');
      expect(options.providerFor('nonsense')).toBeNull();
    }
  });

  it('an explicit override still wins', () => {
    expect(generationFromEnvironment({}, { runJobs: false, overrides: { provider: 'huggingface' } }).settings?.generation().provider).toBe('huggingface');
  });
});
