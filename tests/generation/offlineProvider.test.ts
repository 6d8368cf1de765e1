import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ProviderError, type ProviderRequest } from '../../src/main/core/generation/provider';
import { createOfflineProvider, OFFLINE_MAX_SIDE, renderOfflineAvatar } from '../../src/main/core/generation/providers/offlineProvider';
import { resolveLook } from '../../src/main/core/generation/providers/offlineLook';
import type { Recipe } from '../../src/shared/domain';

type Attrs = NonNullable<Recipe['attributes']>;

const SIZE = 256;
const SEEDS = [1, 7, 42, 1234, 99_999];

/** Every attribute the offline drawer honours, set, so each test changes exactly one. */
const BASELINE: Attrs = {
  gender: 'female',
  ageRange: 'adult',
  hairStyle: 'long straight',
  hairColor: 'brown',
  skinTone: 'light',
  eyeColor: 'brown',
  style: 'casual',
};

const render = (attributes: Attrs, seed: number, persona: Recipe['persona'] = {}) => renderOfflineAvatar({ attributes, persona }, seed, SIZE, SIZE);

const pixels = async (png: Buffer) => {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

/** Share of pixels that differ by more than `threshold` in some channel: noise-proof, and local changes still count. */
const changedShare = async (a: Buffer, b: Buffer, threshold = 24): Promise<number> => {
  const [left, right] = await Promise.all([pixels(a), pixels(b)]);
  expect([left.width, left.height]).toEqual([right.width, right.height]);
  let changed = 0;
  for (let offset = 0; offset < left.data.length; offset += 3) {
    if ([0, 1, 2].some((channel) => Math.abs(left.data[offset + channel]! - right.data[offset + channel]!) > threshold)) changed += 1;
  }
  return changed / (left.width * left.height);
};

const call = (request: Partial<ProviderRequest>, signal = new AbortController().signal) => {
  const stages: string[] = [];
  const full: ProviderRequest = { prompt: 'ignored', negativePrompt: null, model: 'dicebear/avataaars', width: SIZE, height: SIZE, steps: 1, guidance: 0, seed: 5, ...request };
  return { stages, result: createOfflineProvider().generate(full, { signal, onStage: (stage) => stages.push(stage) }) };
};

describe('offline provider: determinism', () => {
  it('gives byte-identical PNGs for the same recipe and seed', async () => {
    for (const seed of SEEDS) {
      const [first, second] = [await render(BASELINE, seed), await render(BASELINE, seed)];
      expect(first.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(first.equals(second)).toBe(true);
    }
  });

  it('is identical across provider instances and through the provider interface', async () => {
    const recipe: Recipe = { attributes: BASELINE, persona: { personality: ['cheerful'] } };
    const a = await call({ recipe, seed: 77 }).result;
    const b = await call({ recipe, seed: 77 }).result;
    expect(a.mimeType).toBe('image/png');
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('gives different images for different seeds when the recipe leaves things open', async () => {
    const images = await Promise.all(SEEDS.map((seed) => render({}, seed)));
    const hashes = new Set(images.map((png) => png.toString('base64')));
    expect(hashes.size).toBe(SEEDS.length);
    for (let index = 1; index < images.length; index += 1) {
      expect(await changedShare(images[0]!, images[index]!)).toBeGreaterThan(0.05);
    }
  });

  it('gives different bytes for different seeds even with every attribute fixed', async () => {
    const images = await Promise.all(SEEDS.map((seed) => render(BASELINE, seed)));
    expect(new Set(images.map((png) => png.toString('base64'))).size).toBeGreaterThan(1);
  });
});

describe('offline provider: every attribute visibly changes the picture (same seed, pixel comparison)', () => {
  // [attribute change, smallest share of the 256×256 pixels that must change]. Small parts get lower bars: the irises;
  // gender with the hairstyle fixed (only the eyebrows' weight, and maybe a beard); young vs adult (the garment's cut).
  const changes: [string, Attrs, number][] = [
    ['hair colour', { hairColor: 'platinum blonde' }, 0.05],
    ['hair colour (auburn)', { hairColor: 'auburn' }, 0.05],
    ['skin tone', { skinTone: 'dark' }, 0.1],
    ['skin tone (olive)', { skinTone: 'olive' }, 0.1],
    ['eye colour', { eyeColor: 'green' }, 0.0015],
    ['eye colour (blue)', { eyeColor: 'light blue' }, 0.0015],
    ['hair style', { hairStyle: 'short curly' }, 0.05],
    ['hair style (bun)', { hairStyle: 'bun' }, 0.05],
    ['gender', { gender: 'male' }, 0.001],
    ['age range (mature)', { ageRange: 'mature' }, 0.03],
    ['age range (young)', { ageRange: 'young' }, 0.01],
    ['style', { style: 'professional' }, 0.05],
  ];

  for (const [label, change, minShare] of changes) {
    it(`${label}: ${JSON.stringify(change)}`, async () => {
      for (const seed of SEEDS) {
        const share = await changedShare(await render(BASELINE, seed), await render({ ...BASELINE, ...change }, seed));
        expect(share, `seed ${seed}`).toBeGreaterThan(minShare);
      }
    });
  }

  it('changes only the eyes when only the eye colour changes', async () => {
    const before = await pixels(await render(BASELINE, 42));
    const after = await pixels(await render({ ...BASELINE, eyeColor: 'green' }, 42));
    const rows: number[] = [];
    for (let offset = 0; offset < before.data.length; offset += 3) {
      if (before.data[offset + 1] !== after.data[offset + 1]) rows.push(Math.floor(offset / 3 / before.width));
    }
    expect(rows.length).toBeGreaterThan(0);
    // The eyes sit in one band across the upper middle of the face.
    expect(Math.min(...rows) / before.height).toBeGreaterThan(0.3);
    expect(Math.max(...rows) / before.height).toBeLessThan(0.5);
  });

  it('an unspecified attribute is drawn from the seed; a gender changes the pool it is drawn from', async () => {
    const open: Attrs = { ...BASELINE, hairStyle: null };
    let differing = 0;
    for (const seed of SEEDS) {
      if ((await changedShare(await render({ ...open, gender: 'female' }, seed), await render({ ...open, gender: 'male' }, seed))) > 0.03) differing += 1;
    }
    expect(differing).toBe(SEEDS.length);
  });

  it('personality changes the expression', async () => {
    let differing = 0;
    for (const seed of SEEDS) {
      const share = await changedShare(await render(BASELINE, seed, { personality: ['cheerful', 'friendly'] }), await render(BASELINE, seed, { personality: ['serious', 'focused'] }));
      if (share > 0.001) differing += 1;
    }
    expect(differing).toBe(SEEDS.length);
  });
});

describe('offline provider: mapping table', () => {
  it('maps free-text attributes to the style’s parts', () => {
    const look = resolveLook({ attributes: { gender: 'female', hairStyle: 'long wavy', hairColor: 'auburn', skinTone: 'olive', eyeColor: 'green', style: 'professional' } }, 3);
    expect(look).toMatchObject({ top: 'curvy', hairColor: '922f1c', skinColor: 'c99d66', eyeColor: '3f8a4b', clothing: 'blazerAndShirt', styleGroup: 'formal' });
    expect(look.facialHair).toBeNull();
    expect(resolveLook({ attributes: { hairStyle: 'bald' } }, 3).top).toBeNull();
    expect(resolveLook({ attributes: { hairStyle: 'Afro' } }, 3).top).toBe('fro');
    expect(resolveLook({ attributes: { hairColor: '#12ab34' } }, 3).hairColor).toBe('12ab34');
    // A shade word on a known colour shades it; a phrase with no known colour falls back to the seed.
    expect(resolveLook({ attributes: { hairColor: 'dark auburn' } }, 3).hairColor).not.toBe('922f1c');
    expect(resolveLook({ attributes: { hairColor: 'moonlight' } }, 3).hairColor).toBe(resolveLook({}, 3).hairColor);
    // Mature greys the hair; young never has a beard.
    expect(resolveLook({ attributes: { hairColor: 'black', ageRange: 'mature' } }, 3).hairColor).not.toBe('2c1b18');
    for (const seed of SEEDS) expect(resolveLook({ attributes: { gender: 'male', ageRange: 'young' } }, seed).facialHair).toBeNull();
    expect(resolveLook({ attributes: { gender: 'male', style: 'business with beard' } }, 3).facialHair).toMatch(/^beard/);
    expect(resolveLook({ attributes: { style: 'with glasses' } }, 3).accessories).not.toBeNull();
    // persona.age stands in for the range.
    expect(resolveLook({ persona: { age: 62 }, attributes: { style: 'professional' } }, 3).clothing).toBe('blazerAndSweater');
  });
});

describe('offline provider: the ImageProvider contract', () => {
  it('reports submitting then generating and needs no network or token', async () => {
    const { stages, result } = call({ recipe: { attributes: BASELINE } });
    const image = await result;
    expect(stages).toEqual(['submitting', 'generating']);
    const meta = await sharp(Buffer.from(image.bytes)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', SIZE, SIZE]);
  });

  it('draws without a recipe (seed only)', async () => {
    const image = await call({ seed: 9 }).result;
    expect((await sharp(Buffer.from(image.bytes)).metadata()).width).toBe(SIZE);
  });

  it('keeps the requested shape, and caps the longest side', async () => {
    const portrait = await call({ width: 768, height: 1024 }).result;
    expect(await sharp(Buffer.from(portrait.bytes)).metadata()).toMatchObject({ width: 768, height: 1024 });
    const huge = await call({ width: 2048, height: 1536 }).result;
    expect(await sharp(Buffer.from(huge.bytes)).metadata()).toMatchObject({ width: OFFLINE_MAX_SIDE, height: 768 });
  });

  it('honours an abort before and during the call', async () => {
    const before = new AbortController();
    before.abort();
    const early = call({}, before.signal);
    await expect(early.result).rejects.toMatchObject({ name: 'ProviderError', failure: 'cancelled' });
    expect(early.stages).toEqual([]);

    const during = new AbortController();
    const late = call({}, during.signal);
    during.abort();
    const error = await late.result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).failure).toBe('cancelled');
  });

  it('refuses to edit a reference image, saying what can', async () => {
    const edit = call({ reference: { bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/jpeg' } });
    const error = await edit.result.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'rejected', message: expect.stringContaining('Hugging Face') });
    expect(edit.stages).toEqual([]);
  });
});
