import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHuggingFaceProvider } from '../../src/main/core/generation/providers/huggingFace';
import { defaultSettings } from '../../src/main/core/generation/settings';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { runCli } from '../helpers/cli';
import { openTestLibrary, tempDir } from '../helpers/library';

const BIN = fileURLToPath(new URL('../../bin/avatar-creator.js', import.meta.url));

interface JsonLine {
  event: string;
  id?: string;
  status?: string;
  completed?: number;
  failed?: number;
  cancelled?: number;
  avatars?: string[];
  pausedBy?: { code: string } | null;
}

const lines = (stdout: string): JsonLine[] => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as JsonLine);

describe('avatar-creator generate', () => {
  let fake: FakeInference;
  let dir: string;
  let projectId: string;
  const env = () => ({ HF_TOKEN: 'hf_test_token', AVATAR_CREATOR_HF_ENDPOINT: fake.url });
  const cli = (...args: string[]) => runCli(['--library', dir, ...args], env());

  beforeAll(async () => {
    fake = await startFakeInference({ imageSize: { width: 96, height: 96 } });
  });
  afterAll(() => fake.close());
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const freshLibrary = async () => {
    dir = tempDir('gen-cli');
    projectId = (await cli('--json', 'project', 'create', 'Generated')).json().id;
  };

  it('generates against the service, reports JSON lines, and stores the recipe with each avatar', async () => {
    await freshLibrary();
    fake.setDefault({ latencyMs: 50 });
    const run = await cli('--json', 'generate', projectId, '--prompt', 'rainy street', '--gender', 'female', '--hair-color', 'auburn', '--count', '3', '--seed', '7', '--concurrency', '2');
    expect(run.code, run.stderr).toBe(0);
    const output = lines(run.stdout);
    expect(output.filter((line) => line.event === 'queued')).toHaveLength(3);
    const summary = output.at(-1)!;
    expect(summary).toMatchObject({ event: 'summary', completed: 3, failed: 0, cancelled: 0 });
    const avatars = (await cli('--json', 'avatar', 'list', '--project', projectId)).json();
    expect(avatars).toHaveLength(3);
    expect(avatars.map((a: { generation: { seed: number } }) => a.generation.seed).sort()).toEqual([7, 8, 9]);
    expect(avatars[0].generation.prompt).toContain('auburn');
    const bodies = fake.requests.filter((request) => request.route === 'endpoint').slice(-3);
    expect(bodies.every((request) => request.authValid && String(request.body?.inputs).includes('rainy street'))).toBe(true);
  });

  it('stops waiting with a clear message when the token is refused, leaving the jobs queued', async () => {
    await freshLibrary();
    const run = await runCli(['--library', dir, '--json', 'generate', projectId, '--prompt', 'x'], { ...env(), HF_TOKEN: 'hf_wrong' });
    expect(run.code).toBe(1);
    expect(lines(run.stdout).at(-1)).toMatchObject({ event: 'summary', completed: 0, pausedBy: { code: 'PROVIDER_AUTH' } });
    expect(run.stderr).toMatch(/token/i);
    expect(run.stdout).not.toContain('hf_wrong');
    expect(run.stderr).not.toContain('hf_wrong');
  });

  it('cancels cleanly on Ctrl-C', async () => {
    await freshLibrary();
    fake.setDefault({ latencyMs: 3000 });
    const child = spawn(process.execPath, [BIN, '--library', dir, '--json', 'generate', projectId, '--count', '2'], { env: { ...process.env, ...env() } });
    let stdout = '';
    let interrupted = false;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (!interrupted && stdout.includes('"status":"processing"')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(lines(stdout).at(-1)).toMatchObject({ event: 'summary', cancelled: 2, completed: 0 });
    expect((await cli('--json', 'avatar', 'list')).json()).toEqual([]);
    fake.setDefault({});
  });

  it('after kill -9 at several points, a restarted pool finishes every job exactly once', async () => {
    await freshLibrary();
    fake.setDefault({ latencyMs: 120 });
    const jobCount = 8;
    // Kill at different points: just queued, mid-request, and while results are being saved.
    for (const killAfterEvents of [0, 3, 7]) {
      const child = spawn(process.execPath, [BIN, '--library', dir, '--json', 'generate', projectId, '--count', String(jobCount / 2), '--concurrency', '2'], { env: { ...process.env, ...env() } });
      let seen = 0;
      let queued = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          if (line.includes('"event":"queued"')) queued += 1;
          if (line.includes('"event":"generation"')) seen += 1;
          if (queued === jobCount / 2 && seen >= killAfterEvents) child.kill('SIGKILL');
        }
      });
      const signal = await new Promise((resolve) => child.on('close', (_code, sig) => resolve(sig)));
      expect(signal).toBe('SIGKILL');
    }
    fake.setDefault({ latencyMs: 10 });
    const provider = createHuggingFaceProvider({ token: async () => 'hf_test_token', inferenceProvider: 'auto', endpointUrl: fake.url });
    const restarted = await openTestLibrary({ dir, orphanGraceMs: 0, generation: { providerFor: () => provider, settings: defaultSettings({ concurrency: 4 }), runJobs: true } });
    const all = async () => restarted.must('generations.list', { projectId, limit: 1000 });
    await expect.poll(async () => (await all()).filter((g) => g.status !== 'completed').length, { timeout: 20_000 }).toBe(0);
    const jobs = await all();
    expect(jobs.length).toBe((jobCount / 2) * 3);
    const avatars = await restarted.must('avatars.list', { projectId });
    expect(avatars).toHaveLength(jobs.length);
    expect(new Set(jobs.map((job) => job.avatarId)).size).toBe(jobs.length);
    // Files agree with rows after the interrupted runs (the sweep removed any half-finished writes).
    const files = await restarted.library.images.listFiles();
    expect(files).toHaveLength(avatars.length * 2);
    await restarted.library.close();
  });
});
