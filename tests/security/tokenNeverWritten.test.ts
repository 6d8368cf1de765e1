import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createAppLog } from '../../src/main/core/logging/appLog';
import path from 'node:path';
import { format, inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { openLibrary, type Library } from '../../src/main/core';
import { generationFromEnvironment } from '../../src/main/core/generation/fromEnvironment';
import { encodeWire } from '../../src/shared/wire';
import { startWebBridge, type WebBridge } from '../../src/web/server';
import { startFakeInference, type FakeInference } from '../fakes/fakeInference';
import { RENDERER_DIR } from '../helpers/bridge';
import { runCli } from '../helpers/cli';
import { MIGRATIONS, tempDir } from '../helpers/library';
import { until } from '../helpers/until';
import { rawRequest } from './rawHttp';

/**
 * A Hugging Face token the service refuses, used for real generations through the shells' own
 * wiring (generationFromEnvironment, as the app, the bridge and the CLI build it): through the
 * dedicated endpoint and through the router, over the web bridge and from the CLI. Afterwards the
 * token is nowhere the app writes: console and stdout/stderr, the library's files (database, WAL,
 * any log), envelopes over HTTP, events over the socket and the bus.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN = `hf_${[...randomBytes(34)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('')}`;
/** The shape of any HF token, so a transformed copy (another token, a prefix) is caught too. */
const TOKEN_PATTERN = /hf_[A-Za-z0-9]{34}/;

const written: string[] = [];
const remember = (where: string, text: string): void => void written.push(`${where}: ${text}`);

/** Every file under a folder, as text (binary SQLite pages included: a token would be plain ASCII in them). */
const filesUnder = (dir: string): { file: string; text: string }[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, text: readFileSync(file, 'latin1') };
    });

interface Run {
  dir: string;
  library: Library;
  bridge: WebBridge;
  socket: WebSocket;
}

describe('a Hugging Face token the service refuses', () => {
  let fake: FakeInference;
  const dirs: string[] = [];

  beforeAll(async () => {
    expect(TOKEN).toMatch(TOKEN_PATTERN);
    fake = await startFakeInference();
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => remember(`console.${method}`, `${format(...args)} ${args.map((arg) => inspect(arg, { depth: Infinity })).join(' ')}`));
    }
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        remember(stream === process.stdout ? 'stdout' : 'stderr', String(chunk));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write);
    }
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await fake?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A library wired like the web bridge wires it: the shared log file (echoed to the console), the token cut out by pattern and by value. */
  const start = async (viaRouter: boolean): Promise<Run> => {
    const dir = tempDir('token');
    dirs.push(dir);
    const env = { HF_TOKEN: TOKEN, ...(viaRouter ? {} : { AVATAR_CREATOR_HF_ENDPOINT: fake.url }) };
    const appLog = createAppLog({ dir: path.join(dir, 'logs'), console: true, secrets: () => [TOKEN] });
    const library = await openLibrary({
      dir,
      migrationsFolder: MIGRATIONS,
      watch: true,
      log: appLog.error,
      recentErrors: appLog.recentErrors,
      generation: { ...generationFromEnvironment(env, { runJobs: true, ...(viaRouter && { fetch: fake.fetchRedirect }) }), retry: { baseMs: 5, capMs: 20 } },
    });
    library.events.subscribe((event) => remember('event bus', JSON.stringify(event)));
    const bridge = await startWebBridge({ library, rendererDir: RENDERER_DIR });
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/api/events?token=${bridge.token}`);
    socket.on('message', (data) => remember('event socket', String(data)));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    return { dir, library, bridge, socket };
  };

  const call = async ({ bridge }: Run, command: string, input: unknown): Promise<unknown> => {
    const answer = await rawRequest(bridge.port, { path: `/api/invoke/${command}`, method: 'POST', headers: { 'x-avatar-token': bridge.token }, body: encodeWire(input) });
    remember(`HTTP ${command}`, `${answer.status} ${JSON.stringify(answer.headers)} ${answer.body}`);
    return JSON.parse(answer.body);
  };

  const generateAndFail = async (run: Run, { echoed }: { echoed: boolean }): Promise<void> => {
    const before = fake.requests.length;
    // A service that repeats the credentials it refused in its message: the app must not pass them on.
    if (echoed) fake.script({ status: 401, message: `Invalid credentials in Authorization header: Bearer ${TOKEN}` });
    const project = (await call(run, 'projects.create', { name: 'Token' })) as { value: { id: string } };
    await call(run, 'generations.create', { projectId: project.value.id, recipe: { prompt: 'a portrait' }, params: { provider: 'huggingface', width: 256, height: 256, steps: 2 }, count: 2 });
    await until(async () => ((await call(run, 'queue.status', {})) as { value: { pauseReason: unknown } }).value.pauseReason !== null, { timeoutMs: 15_000, intervalMs: 50 });
    const queue = (await call(run, 'queue.status', {})) as { value: { pauseReason: { code: string } } };
    expect(queue.value.pauseReason.code).toBe('PROVIDER_AUTH');
    await call(run, 'generations.list', { projectId: project.value.id });
    // The token commands of the settings work: whatever they answer, they never echo it.
    for (const command of ['token.set', 'token.verify', 'token.status', 'diagnostics.get']) await call(run, command, command === 'token.set' ? { token: TOKEN } : {});
    // The service saw the token and refused it: the test really used it.
    expect(fake.requests.slice(before).some((request) => request.authPresent && !request.authValid)).toBe(true);
  };

  const finish = async (run: Run): Promise<void> => {
    for (const { file, text } of filesUnder(run.dir)) remember(`open library ${path.relative(run.dir, file)}`, text);
    run.socket.close();
    await run.bridge.close();
    await run.library.close();
    for (const { file, text } of filesUnder(run.dir)) remember(`closed library ${path.relative(run.dir, file)}`, text);
  };

  it('through the dedicated endpoint, over the web bridge, even when the service echoes it', async () => {
    const run = await start(false);
    await generateAndFail(run, { echoed: true });
    await finish(run);
  });

  it('through the Hugging Face router, over the web bridge', async () => {
    const run = await start(true);
    await generateAndFail(run, { echoed: false });
    await finish(run);
  });

  it('from the CLI', async () => {
    const dir = tempDir('token-cli');
    dirs.push(dir);
    const env = { HF_TOKEN: TOKEN, AVATAR_CREATOR_HF_ENDPOINT: fake.url, AVATAR_CREATOR_LOG_DIR: path.join(dir, 'logs') };
    const project = await runCli(['--library', dir, '--json', 'project', 'create', 'Token CLI'], env);
    remember('cli project', project.stdout + project.stderr);
    const projectId = (project.json() as { id: string }).id;
    for (const flags of [['--json'], []]) {
      const run = await runCli(['--library', dir, ...flags, 'generate', projectId, '--prompt', 'a portrait'], env);
      expect(run.code).toBe(1);
      remember('cli generate', `${run.stdout}\n${run.stderr}`);
    }
    for (const { file, text } of filesUnder(dir)) remember(`cli library ${path.relative(dir, file)}`, text);
  });

  it('was written nowhere: not the token, nor anything shaped like one', () => {
    expect(written.length).toBeGreaterThan(50);
    expect(written.some((entry) => entry.startsWith('closed library library.db'))).toBe(true);
    expect(written.some((entry) => entry.startsWith('event socket') && entry.includes('PROVIDER_AUTH'))).toBe(true);
    const leaks = written.filter((entry) => entry.includes(TOKEN) || entry.includes(TOKEN.slice(3, 20)) || TOKEN_PATTERN.test(entry));
    expect(leaks.map((entry) => entry.slice(0, 200))).toEqual([]);
  });
});
