import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { format, inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEnvironmentVault } from '../../src/main/core/settings/environmentVault';
import { openNodeSettingsBackend } from '../../src/main/core/settings/nodeBackend';
import { SettingsService } from '../../src/main/core/settings/settingsService';
import { openDesktopSettings } from '../../src/main/settingsStore';
import type { CommandName } from '../../src/shared/names';
import * as electron from '../helpers/fakeElectron';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { until } from '../helpers/until';
import { settingsKit } from './settingsKit';

vi.mock('electron', () => import('../helpers/fakeElectron'));

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomToken = (): string => `hf_${[...randomBytes(34)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
/** The one the fake service accepts, and one it refuses: neither may be written anywhere. */
const GOOD = randomToken();
const REFUSED = randomToken();
const SECRETS = [GOOD, REFUSED];

const written: string[] = [];
const remember = (where: string, text: string): void => void written.push(`${where}: ${text}`);

const filesUnder = (dir: string): { file: string; text: string }[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ file: path.join(entry.parentPath, entry.name), text: readFileSync(path.join(entry.parentPath, entry.name), 'latin1') }));

/**
 * Every way a token goes in (token.set in each mode, HF_TOKEN, malformed and refused tokens) and
 * everything the app says or writes afterwards: command answers, events, the console, config.json,
 * the library's files. The token must be in none of them, nor any recognisable piece of it.
 */
describe('the token never comes out', () => {
  let fake: FakeInference;
  const kit = settingsKit();
  const libraries: TestLibrary[] = [];

  beforeAll(async () => {
    fake = await startFakeInference({ token: GOOD, imageSize: { width: 64, height: 64 } });
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => remember(`console.${method}`, `${format(...args)} ${args.map((arg) => inspect(arg, { depth: Infinity })).join(' ')}`));
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    for (const lib of libraries) await lib.dispose();
    await fake.close();
    kit.dispose();
  });

  const watch = (lib: TestLibrary, label: string) => {
    lib.library.events.subscribe((event) => remember(`${label} event`, JSON.stringify(event)));
    return async (command: CommandName, input: unknown) => {
      const answer = await lib.call(command, input as never);
      remember(`${label} ${command}`, JSON.stringify(answer));
      return answer;
    };
  };

  it('in the desktop app (safeStorage vault, electron-store file)', async () => {
    const configDir = kit.dir();
    const desktop = openDesktopSettings({ configDir, env: {}, log: (message, error) => remember('log', `${message} ${inspect(error)}`) });
    const lib = await openTestLibrary({
      settings: desktop.settings,
      vault: desktop.vault,
      hubFetch: fake.fetchRedirect,
      generation: { ...desktop.generation, retry: { baseMs: 5, capMs: 20 } },
      log: (message, error) => remember('log', `${message} ${inspect(error)}`),
    });
    libraries.push(lib);
    const call = watch(lib, 'desktop');
    await call('settings.update', { generation: { endpointUrl: fake.url } });
    const { value: project } = (await call('projects.create', { name: 'Leaks' })) as { value: { id: string } };

    // Malformed and oversized tokens are refused by the contract, without quoting them.
    for (const token of [`${GOOD} trailing`, GOOD.repeat(8), `${GOOD}\n`]) await call('token.set', { token, keep: 'session' });
    electron.safeStorage.backend = 'basic_text';
    const weak = await call('token.set', { token: GOOD });
    expect(weak.ok ? null : weak.error.code).toBe('TOKEN_STORAGE_WEAK');
    electron.safeStorage.backend = 'gnome_libsecret';

    expect((await call('token.set', { token: GOOD })).ok).toBe(true);
    for (const command of ['token.status', 'token.verify', 'settings.get'] as const) await call(command, {});
    await call('generations.create', { projectId: project.id, recipe: { prompt: 'a portrait' }, params: { provider: 'huggingface', width: 256, height: 256 } });

    // A refused token: the check says invalid, a job pauses the queue with PROVIDER_AUTH.
    await call('token.set', { token: REFUSED, keep: 'session' });
    await call('token.verify', {});
    await call('generations.create', { projectId: project.id, recipe: { prompt: 'a portrait' }, params: { provider: 'huggingface', width: 256, height: 256 } });
    await until(async () => (await lib.must('queue.status', {})).pauseReason?.code === 'PROVIDER_AUTH', { timeoutMs: 10_000 });
    for (const command of ['queue.status', 'generations.list', 'token.status', 'token.clear'] as const) await call(command, {});
    expect(fake.requests.some((request) => request.route === 'endpoint' && request.authValid)).toBe(true);
    expect(fake.requests.some((request) => request.route === 'hub' && request.authPresent && !request.authValid)).toBe(true);

    for (const { file, text } of [...filesUnder(configDir), ...filesUnder(lib.dir)]) remember(`file ${path.basename(file)}`, text);
  });

  it('in the web bridge and the CLI (HF_TOKEN, session tokens, a real config.json)', async () => {
    const configDir = kit.dir();
    const env: NodeJS.ProcessEnv = { HF_TOKEN: GOOD };
    const vault = createEnvironmentVault({ env });
    const log = (message: string, error?: unknown) => remember('log', `${message} ${inspect(error)}`);
    const settings = new SettingsService({ backend: await openNodeSettingsBackend({ dir: configDir, watch: true, log }), tokenIsSet: () => vault.status().storage !== 'none', log });
    const lib = await openTestLibrary({ settings, vault, hubFetch: fake.fetchRedirect, log });
    libraries.push(lib);
    const call = watch(lib, 'node');
    await call('settings.update', { theme: 'dark' });
    for (const command of ['token.status', 'token.verify'] as const) await call(command, {});
    await call('token.set', { token: REFUSED });
    await call('token.set', { token: REFUSED, keep: 'persist', allowWeakStorage: true });
    await call('token.set', { token: REFUSED, keep: 'session' });
    for (const command of ['token.verify', 'token.status', 'token.clear', 'settings.get'] as const) await call(command, {});
    settings.close();
    for (const { file, text } of [...filesUnder(configDir), ...filesUnder(lib.dir)]) remember(`file ${path.basename(file)}`, text);
  });

  it('was written nowhere', () => {
    expect(written.some((entry) => entry.startsWith('file config.json'))).toBe(true);
    expect(written.some((entry) => entry.includes('"state":"valid"'))).toBe(true);
    expect(written.some((entry) => entry.includes('"state":"invalid"'))).toBe(true);
    expect(written.some((entry) => entry.includes('token.changed'))).toBe(true);
    const leaks = written.filter((entry) => SECRETS.some((secret) => entry.includes(secret) || entry.includes(secret.slice(3, 20)) || entry.includes(secret.slice(-16))));
    expect(leaks.map((entry) => entry.slice(0, 300))).toEqual([]);
  });
});
