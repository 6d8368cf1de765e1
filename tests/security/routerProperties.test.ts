import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandInputs } from '../../src/shared/contract';
import { ErrorCode } from '../../src/shared/errors';
import { COMMAND_NAMES, isCommandName } from '../../src/shared/names';
import {
  AGE_RANGES,
  AVATAR_SORTS,
  GENDERS,
  GENERATION_PRIORITIES,
  GENERATION_STATUSES,
  HF_MODELS,
  PRESET_CATEGORIES,
  PROVIDER_KINDS,
  SOURCE_TYPES,
} from '../../src/shared/vocabulary';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';

/**
 * The real router under random input: whatever the name and payload, the answer is an envelope
 * with a known code and a message, never a throw and never INTERNAL (which would mean a handler
 * failed in a way nobody planned for). Bounded: a few hundred runs per property.
 */
const CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

const NASTY_STRINGS = [
  '',
  ' ',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE avatars; --",
  '" OR 1=1 --',
  'NEAR(a b) * "x" ^ OR AND NOT',
  '\u0000',
  '\u202e\u200b\ufeff',
  '💥'.repeat(60),
  '../../../etc/passwd',
  '%2e%2e%2f',
  '__proto__',
  'constructor',
  'a'.repeat(5000),
] as const;

const ENUM_WORDS = [
  ...GENDERS,
  ...AGE_RANGES,
  ...SOURCE_TYPES,
  ...GENERATION_STATUSES,
  ...GENERATION_PRIORITIES,
  ...PROVIDER_KINDS,
  ...AVATAR_SORTS,
  ...PRESET_CATEGORIES,
  ...Object.values(HF_MODELS),
];

/** Keys of nested inputs (persona, attributes, recipe, params, reference, metadata), so random objects get past a few checks. */
const NESTED_KEYS = [
  'name', 'age', 'personality', 'background', 'gender', 'ageRange', 'ethnicity', 'bodyType', 'hairStyle', 'hairColor', 'eyeColor',
  'skinTone', 'style', 'persona', 'attributes', 'text', 'prompt', 'negativePrompt', 'provider', 'model', 'width', 'height', 'steps',
  'guidance', 'seed', 'inferenceProvider', 'avatarId', 'fileName', 'bytes', '__proto__', 'constructor',
] as const;

type Outcome = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const expectEnvelope = (result: unknown): Outcome => {
  expect(result).toBeTypeOf('object');
  const outcome = result as Outcome;
  if (outcome.ok === true) {
    expect(outcome).toHaveProperty('value');
    return outcome;
  }
  expect(outcome.ok).toBe(false);
  expect(CODES.has(outcome.error.code), outcome.error.code).toBe(true);
  expect(outcome.error.code).not.toBe(ErrorCode.INTERNAL);
  expect(outcome.error.message).toBeTypeOf('string');
  // No stack frame or internal error text is ever shown to a caller.
  expect(outcome.error.message).not.toMatch(/\n\s+at |SqliteError|TypeError|ReferenceError/);
  return outcome;
};

/** The keys of a command's input object, read from its zod schema. */
const keysOf = (command: (typeof COMMAND_NAMES)[number]): string[] => Object.keys((commandInputs[command] as unknown as { shape?: object }).shape ?? {});

describe('the router under random input', () => {
  let lib: TestLibrary;
  const logged: string[] = [];
  let ids: string[] = [];
  let png: Uint8Array;

  beforeAll(async () => {
    lib = await openTestLibrary({ log: (message, error) => logged.push(`${message}: ${String(error)}`) });
    png = new Uint8Array(await makeImage('png', 48, 48));
    const project = await lib.must('projects.create', { name: 'Fuzz' });
    const avatar = await lib.must('avatars.upload', { projectId: project.id, fileName: 'a.png', bytes: png });
    const presets = await lib.must('presets.list', {});
    ids = [project.id, avatar.id, ...presets.slice(0, 2).map((preset) => preset.id), 'prj_000000000000000000000000', 'ava_000000000000000000000000', 'gen_000000000000000000000000', 'pre_000000000000000000000000', 'ava_', 'prj_../../x'];
  });
  afterAll(async () => {
    await lib?.dispose();
  });

  const leaf = () =>
    fc.oneof(
      fc.constantFrom(...ids),
      fc.constantFrom(...NASTY_STRINGS),
      fc.constantFrom(...ENUM_WORDS),
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.double(),
      fc.constantFrom(0, 1, -1, 2, 100, 101, 256, 1024, 2 ** 32, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, -0),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.uint8Array({ maxLength: 64 }),
      fc.constant(png),
    );

  const value = () =>
    fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf(), tie('object'), tie('array')),
      object: fc.dictionary(fc.constantFrom(...NESTED_KEYS), tie('value'), { maxKeys: 5 }),
      array: fc.array(tie('value'), { maxLength: 4 }),
    })).value;

  /** Values shaped like what each field expects, so most calls get past the schema into a handler. */
  const likely = (key: string): fc.Arbitrary<unknown> | undefined => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...NASTY_STRINGS));
    const word = fc.constantFrom(...ENUM_WORDS);
    const orNull = <T,>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
    const persona = fc.record({ name: orNull(text), age: orNull(fc.integer({ min: -1, max: 130 })), personality: fc.array(text, { maxLength: 3 }), background: orNull(text) }, { requiredKeys: [] });
    const attributes = fc.record({ gender: orNull(word), ageRange: orNull(word), style: orNull(text), hairColor: orNull(text) }, { requiredKeys: [] });
    const params = fc.record({ model: word, provider: word, width: fc.constantFrom(256, 512, 1000, 1024, 4096), height: fc.constantFrom(256, 1024), steps: fc.integer({ min: 0, max: 120 }), guidance: fc.double({ min: -1, max: 30 }), seed: fc.integer({ min: -1, max: 2 ** 32 }) }, { requiredKeys: [] });
    const table: Record<string, fc.Arbitrary<unknown>> = {
      id: fc.constantFrom(...ids),
      projectId: fc.constantFrom(...ids),
      avatarId: fc.constantFrom(...ids),
      presetId: fc.constantFrom(...ids),
      fromAvatarId: fc.constantFrom(...ids),
      count: fc.integer({ min: -1, max: 101 }),
      limit: fc.integer({ min: -1, max: 1001 }),
      concurrency: fc.integer({ min: -1, max: 40 }),
      bytes: fc.oneof(fc.constant(png), fc.uint8Array({ maxLength: 64 })),
      persona,
      attributes,
      params,
      recipe: fc.record({ persona, attributes, style: text, text }, { requiredKeys: [] }),
      reference: fc.oneof(fc.record({ avatarId: fc.constantFrom(...ids) }), fc.record({ fileName: text, bytes: fc.oneof(fc.constant(png), fc.uint8Array({ maxLength: 64 })) })),
      statuses: fc.array(word, { maxLength: 3 }),
      metadata: fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(text, fc.integer())),
      gender: fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 3 })),
      ageRange: fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 3 })),
      sourceType: fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 3 })),
      provider: fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 3 })),
      model: fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 3 })),
      style: fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })),
      sort: word,
      category: word,
      priority: word,
    };
    return table[key] ?? text;
  };

  /** An input with the command's own keys, each present or not, holding plausible or hostile values. */
  const plausibleCall = () =>
    fc.constantFrom(...COMMAND_NAMES).chain((command) =>
      fc.tuple(
        fc.constant(command),
        fc.record(Object.fromEntries(keysOf(command).map((key) => [key, fc.oneof({ arbitrary: likely(key)!, weight: 5 }, { arbitrary: value(), weight: 1 })])), { requiredKeys: [] }),
      ),
    );

  const anything = fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  });

  it('answers random command names with UNKNOWN_COMMAND, whatever comes with them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything({ maxDepth: 2 }), fc.constantFrom(' projects.list', 'PROJECTS.LIST', 'projects.list\0', '__proto__', 'toString', 'constructor')), anything, async (command, input) => {
        fc.pre(!isCommandName(command));
        const outcome = expectEnvelope(await lib.library.router.invoke(command, input, { shell: 'test' }));
        expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
      }),
      { numRuns: 300 },
    );
  });

  it('answers every real command given any value at all (deep objects, typed arrays, BigInt, Maps…) with an envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_NAMES), anything, async (command, input) => {
        expectEnvelope(await lib.library.router.invoke(command, input, { shell: 'test' }));
      }),
      { numRuns: 400 },
    );
  });

  it('answers every real command given its own fields with random values with an envelope, reaching the handlers', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(plausibleCall(), async ([command, input]) => {
        const outcome = expectEnvelope(await lib.library.router.invoke(command, input, { shell: 'test' }));
        if (outcome.ok || outcome.error.code !== 'VALIDATION_FAILED') reached.add(command);
      }),
      { numRuns: 600 },
    );
    // Not a tautology of validation failures: many commands got past the schema into their handler.
    expect(reached.size).toBeGreaterThan(COMMAND_NAMES.length / 2);
  });

  it('logged no internal failure while doing so', () => {
    expect(logged).toEqual([]);
  });
});
