import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDesktopSettings, type DesktopSettings } from '../../src/main/settingsStore';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { until } from '../helpers/until';
import { settingsKit } from './settingsKit';

vi.mock('electron', () => import('../helpers/fakeElectron'));

const TOKEN = 'hf_wiringToken0123456789';

/**
 * The desktop app's own wiring (openDesktopSettings: electron-store settings, the safeStorage
 * vault, providers built from live settings) driving real jobs against the fake service.
 */
describe('generation reads the token from the vault and the endpoint from live settings', () => {
  let first: FakeInference;
  let second: FakeInference;
  let desktop: DesktopSettings;
  let lib: TestLibrary;
  const kit = settingsKit();

  beforeAll(async () => {
    first = await startFakeInference({ token: TOKEN, imageSize: { width: 64, height: 64 } });
    second = await startFakeInference({ token: TOKEN, imageSize: { width: 64, height: 64 } });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });
  afterEach(async () => {
    await lib.dispose();
    desktop.settings.close();
    kit.dispose();
  });

  it('pauses without a token, runs after token.set and Resume, and follows a new endpoint at once', async () => {
    desktop = openDesktopSettings({ configDir: kit.dir(), env: {}, log: kit.log });
    lib = await openTestLibrary({
      settings: desktop.settings,
      vault: desktop.vault,
      generation: { ...desktop.generation, retry: { baseMs: 5, capMs: 20 }, progressIntervalMs: 50 },
    });
    await lib.must('settings.update', { generation: { endpointUrl: first.url } });
    const { id: projectId } = await lib.must('projects.create', { name: 'Wiring' });

    const [job] = await lib.must('generations.create', { projectId, recipe: { prompt: 'a portrait' }, params: { provider: 'huggingface', width: 256, height: 256 } });
    await until(async () => (await lib.must('queue.status', {})).pauseReason !== null, { timeoutMs: 10_000 });
    const paused = await lib.must('queue.status', {});
    expect(paused.pauseReason?.code).toBe('TOKEN_MISSING');
    expect(paused.pauseReason?.message).toContain('set it in Settings → Hugging Face token (or HF_TOKEN for the CLI)');

    await lib.must('token.set', { token: TOKEN });
    expect(await lib.must('token.status', {})).toMatchObject({ state: 'set', storage: 'encrypted' });
    await lib.must('queue.resume', {});
    await until(async () => (await lib.must('generations.get', { id: job!.id })).status === 'completed', { timeoutMs: 15_000 });
    expect(first.requests.filter((request) => request.route === 'endpoint').every((request) => request.authValid)).toBe(true);

    // The default provider follows the token now, and the next job goes where the settings say.
    await lib.must('settings.update', { generation: { endpointUrl: second.url } });
    const [next] = await lib.must('generations.create', { projectId, recipe: { prompt: 'another portrait' }, params: { width: 256, height: 256 } });
    expect(next?.params.provider).toBe('huggingface');
    await until(async () => (await lib.must('generations.get', { id: next!.id })).status === 'completed', { timeoutMs: 15_000 });
    expect(second.requests.filter((request) => request.route === 'endpoint' && request.authValid)).toHaveLength(1);
  }, 60_000);
});
