import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { openTestLibrary } from '../helpers/library';

const WORKER = fileURLToPath(new URL('../helpers/poolWorker.ts', import.meta.url));

/** Resolves with how many jobs the worker ran. */
const runWorker = (dir: string, url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dir, url], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (code) => (code === 0 ? resolve(Number(stdout.trim())) : reject(new Error(`worker exited ${code}`))));
  });

describe('two processes on one library', () => {
  let fake: FakeInference;
  beforeAll(async () => {
    fake = await startFakeInference({ imageSize: { width: 48, height: 48 }, defaultStep: { latencyMs: 150 } });
  });
  afterAll(() => fake.close());

  it('never run the same job: each job is requested once and makes one avatar', async () => {
    const lib = await openTestLibrary();
    const project = await lib.must('projects.create', { name: 'Shared' });
    const jobs = await lib.must('generations.create', { projectId: project.id, recipe: { prompt: 'shared' }, count: 24 });
    const before = fake.requests.length;

    const ran = await Promise.all([runWorker(lib.dir, fake.url), runWorker(lib.dir, fake.url)]);
    // Both took part, and together they ran each job exactly once.
    expect(Math.min(...ran)).toBeGreaterThan(0);
    expect(ran[0]! + ran[1]!).toBe(jobs.length);

    const inference = fake.requests.slice(before).filter((request) => request.route === 'endpoint');
    const seeds = inference.map((request) => request.body?.parameters?.seed);
    expect(seeds).toHaveLength(jobs.length);
    expect(new Set(seeds).size).toBe(jobs.length);
    const done = await lib.must('generations.list', { projectId: project.id, limit: 100 });
    expect(done.every((job) => job.status === 'completed')).toBe(true);
    expect(await lib.must('avatars.list', { projectId: project.id })).toHaveLength(jobs.length);
    await lib.dispose();
  });
});
