import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsMigration } from '../../src/main/core/settings/migrations';
import { SETTINGS_MIGRATIONS } from '../../src/main/core/settings/migrations';
import { AppError } from '../../src/shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { settingsKit } from './settingsKit';

const kit = settingsKit();
afterEach(() => {
  kit.dispose();
  kit.logged.length = 0;
});

const failure = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

describe('loading config.json', () => {
  it('starts from the documented defaults and writes nothing until something is saved', async () => {
    const dir = kit.dir();
    const settings = await kit.open(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(existsSync(kit.file(dir))).toBe(false);
    expect(kit.logged).toEqual([]);
  });

  it('saves with schemaVersion beside the settings, and a new instance (the next start) reads them back', async () => {
    const dir = kit.dir();
    await (await kit.open(dir)).update({ theme: 'dark', generation: { concurrency: 7, endpointUrl: 'https://example.endpoints.huggingface.cloud' } });
    expect(kit.read(dir)).toEqual({
      schemaVersion: 2,
      settings: { ...DEFAULT_SETTINGS, theme: 'dark', generation: { ...DEFAULT_SETTINGS.generation, concurrency: 7, endpointUrl: 'https://example.endpoints.huggingface.cloud' } },
    });
    const again = await kit.open(dir);
    expect(again.get().theme).toBe('dark');
    expect(again.get().generation.concurrency).toBe(7);
  });

  it('migrates a file from before versioning (migration 1) and keeps what else the file holds', async () => {
    const dir = kit.dir();
    kit.write(dir, { settings: { theme: 'light', generation: { steps: 12 } }, secrets: { hfToken: 'djEwAAAA' } });
    const settings = await kit.open(dir);
    expect(settings.get()).toMatchObject({ theme: 'light', generation: { steps: 12, concurrency: DEFAULT_SETTINGS.generation.concurrency } });
    const file = kit.read(dir);
    expect(file.schemaVersion).toBe(2);
    expect(file.settings.theme).toBe('light');
    // The desktop app's secret beside the settings is not the settings' to touch.
    expect(file.secrets).toEqual({ hfToken: 'djEwAAAA' });
    expect(kit.logged.some((line) => line.includes('migrated to schema 2 (1, 2)'))).toBe(true);
  });

  it('migration 1 turns a settings value that is not an object into defaults', () => {
    expect(SETTINGS_MIGRATIONS[0]?.up('nonsense' as never)).toEqual({});
    expect(SETTINGS_MIGRATIONS[0]?.up({ theme: 'dark' })).toEqual({ theme: 'dark' });
  });

  it('runs newer migrations once, in order, from the stored version', async () => {
    const dir = kit.dir();
    const runs: number[] = [];
    const migrations: SettingsMigration[] = [
      // Listed out of order on purpose: the version decides the order.
      {
        version: 3,
        description: 'lengthen the default steps',
        up: (settings) => {
          runs.push(3);
          const generation = (settings.generation ?? {}) as Record<string, unknown>;
          return { ...settings, generation: { ...generation, steps: typeof generation.steps === 'number' ? generation.steps * 2 : 30 } };
        },
      },
      ...SETTINGS_MIGRATIONS,
      {
        version: 2,
        description: 'hfEndpoint became generation.endpointUrl',
        up: ({ hfEndpoint, ...settings }) => {
          runs.push(2);
          return { ...settings, generation: { ...((settings.generation as object) ?? {}), endpointUrl: hfEndpoint ?? null } };
        },
      },
    ];
    kit.write(dir, { schemaVersion: 1, settings: { hfEndpoint: 'https://old.example', generation: { steps: 10 } } });
    const first = await kit.open(dir, { migrations });
    expect(runs).toEqual([2, 3]);
    expect(first.get().generation).toMatchObject({ endpointUrl: 'https://old.example', steps: 20 });
    expect(kit.read(dir)).toMatchObject({ schemaVersion: 3, settings: { generation: { endpointUrl: 'https://old.example', steps: 20 } } });
    expect(kit.read(dir).settings).not.toHaveProperty('hfEndpoint');

    await kit.open(dir, { migrations });
    expect(runs).toEqual([2, 3]);
  });

  it('a migration that throws leaves the file as it was and runs on defaults', async () => {
    const dir = kit.dir();
    const stored = { schemaVersion: 1, settings: { theme: 'dark' } };
    kit.write(dir, stored);
    const before = kit.text(dir);
    const broken: SettingsMigration = { version: 2, description: 'broken', up: () => { throw new Error('boom'); } };
    const settings = await kit.open(dir, { migrations: [...SETTINGS_MIGRATIONS, broken] });
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(kit.text(dir)).toBe(before);
    expect(kit.logged.some((line) => line.includes('could not be migrated'))).toBe(true);
  });

  it('keeps the schemaVersion a newer app wrote, and reads the fields it knows', async () => {
    const dir = kit.dir();
    kit.write(dir, { schemaVersion: 9, settings: { theme: 'dark', futureField: { x: 1 } } });
    const settings = await kit.open(dir);
    expect(settings.get().theme).toBe('dark');
    settings.update({ notifications: false });
    expect(kit.read(dir).schemaVersion).toBe(9);
    expect(kit.logged.some((line) => line.includes('newer version'))).toBe(true);
  });

  it('repairs field by field: an invalid value takes its default, the valid ones stay, and it is logged', async () => {
    const dir = kit.dir();
    kit.write(dir, {
      schemaVersion: 2,
      settings: {
        theme: 'purple',
        notifications: 'yes',
        libraryLocation: '/data/avatars',
        unknownThing: 1,
        generation: { concurrency: 7, width: 1000, model: 'owner/model-x', provider: 'offline', endpointUrl: 42 },
        credits: { costs: { upload: -1, generate: 15 }, dailyLimit: 500, batchLimit: 'many' },
      },
    });
    const before = kit.text(dir);
    const settings = (await kit.open(dir)).get();
    const expected: Settings = {
      ...DEFAULT_SETTINGS,
      libraryLocation: '/data/avatars',
      generation: { ...DEFAULT_SETTINGS.generation, concurrency: 7, model: 'owner/model-x', provider: 'offline' },
      credits: { costs: { ...DEFAULT_SETTINGS.credits.costs, generate: 15 }, dailyLimit: 500, batchLimit: null },
    };
    expect(settings).toEqual(expected);
    const report = kit.logged.join('\n');
    for (const path of ['theme', 'notifications', 'unknownThing', 'generation.width', 'generation.endpointUrl', 'credits.costs.upload', 'credits.batchLimit']) {
      expect(report).toContain(path);
    }
    // The user's own (invalid) values stay in the file until they save: nothing is lost behind their back.
    expect(kit.text(dir)).toBe(before);
  });

  it('treats a section that is not an object as missing', async () => {
    const dir = kit.dir();
    kit.write(dir, { schemaVersion: 1, settings: { generation: 'fast', theme: 'dark' } });
    const settings = (await kit.open(dir)).get();
    expect(settings.generation).toEqual(DEFAULT_SETTINGS.generation);
    expect(settings.theme).toBe('dark');
  });

  it('sets a file that is not JSON aside and starts from the defaults', async () => {
    const dir = kit.dir();
    kit.write(dir, '{ "settings": { "theme": "dark" ');
    const settings = await kit.open(dir);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(readdirSync(dir).some((name) => /^config\.json\.corrupt-\d+$/.test(name))).toBe(true);
    expect(kit.logged.some((line) => line.includes('not valid JSON'))).toBe(true);
    settings.update({ theme: 'light' });
    expect(kit.read(dir).settings.theme).toBe('light');
  });
});

describe('settings.update', () => {
  it('merges a nested patch, saves, and tells subscribers once', async () => {
    const dir = kit.dir();
    const settings = await kit.open(dir);
    const heard: Settings[] = [];
    settings.subscribe((next) => heard.push(next));
    const result = settings.update({ credits: { costs: { upload: 3 } }, generation: { endpointUrl: null, guidance: 4.5 } });
    expect(result.credits.costs).toEqual({ ...DEFAULT_SETTINGS.credits.costs, upload: 3 });
    expect(result.generation.guidance).toBe(4.5);
    expect(kit.read(dir).settings).toEqual(result);
    expect(heard).toEqual([result]);
  });

  it.each([
    [{ generation: { concurrency: 0 } }, 'generation.concurrency'],
    [{ generation: { width: 1000 } }, 'generation.width'],
    [{ theme: 'purple' }, 'theme'],
    [{ credits: { costs: { upload: -1 } } }, 'credits.costs.upload'],
    [{ libraryLocation: '/elsewhere' }, ''],
    [{ generation: { endpointUrl: 'http://example.com/endpoint' } }, 'generation.endpointUrl'],
    [{ generation: { endpointUrl: 'not a url' } }, 'generation.endpointUrl'],
    [{ generation: { inferenceProvider: 'nobody' } }, 'generation.inferenceProvider'],
  ])('refuses %j with VALIDATION_FAILED at %s, saving nothing', async (patch, path) => {
    const dir = kit.dir();
    const settings = await kit.open(dir);
    settings.update({ theme: 'dark' });
    const before = kit.text(dir);
    let heard = 0;
    settings.subscribe(() => (heard += 1));
    const error = failure(() => settings.update(patch as never));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.some((issue) => issue.path === path)).toBe(true);
    expect(kit.text(dir)).toBe(before);
    expect(settings.get().theme).toBe('dark');
    expect(heard).toBe(0);
  });

  it('allows plain http only to this computer', async () => {
    const settings = await kit.open(kit.dir());
    expect(settings.update({ generation: { endpointUrl: 'http://127.0.0.1:8080/endpoint' } }).generation.endpointUrl).toBe('http://127.0.0.1:8080/endpoint');
  });

  it('merges over what another process saved since, not over its own old copy', async () => {
    const dir = kit.dir();
    const a = await kit.open(dir);
    const b = await kit.open(dir);
    a.update({ theme: 'dark' });
    b.update({ notifications: false });
    expect(kit.read(dir).settings).toMatchObject({ theme: 'dark', notifications: false });
  });
});

describe('generation settings', () => {
  it('default to the offline provider until a token is set, then follow the stored choice, live', async () => {
    let token = false;
    const settings = await kit.open(kit.dir(), { tokenIsSet: () => token });
    expect(settings.generation().provider).toBe('offline');
    token = true;
    expect(settings.generation().provider).toBe('huggingface');
    settings.update({ generation: { provider: 'offline', model: 'black-forest-labs/FLUX.1-schnell', concurrency: 2 } });
    expect(settings.generation()).toMatchObject({ provider: 'offline', model: 'black-forest-labs/FLUX.1-schnell', concurrency: 2 });
    settings.update({ generation: { provider: 'huggingface' } });
    expect(settings.generation().provider).toBe('huggingface');
    // Turning the token off again turns the default back to offline; the stored choice is kept.
    token = false;
    expect(settings.generation().provider).toBe('offline');
    expect(settings.get().generation.provider).toBe('huggingface');
  });
});
