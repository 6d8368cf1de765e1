import { Command, CommanderError } from 'commander';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAvatarCommands } from '../../src/cli/avatarCommands';
import type { Output } from '../../src/cli/output';
import { CliSession } from '../../src/cli/session';
import { registerUsageCommands } from '../../src/cli/usageCommands';
import { isAppError, type AppErrorShape } from '../../src/shared/errors';
import { makeImage } from '../helpers/images';
import { openTestLibrary, tempDir } from '../helpers/library';

interface Run {
  stdout: string;
  error: AppErrorShape | CommanderError | null;
  json: () => any;
}

/**
 * The CLI as src/cli/index.ts builds it (global --library and --json, avatar commands first),
 * with the usage commands registered the way the integrator will. Runs in-process.
 */
const runCli = async (args: string[]): Promise<Run> => {
  const program = new Command('avatar-creator').option('--library <dir>').option('--json').exitOverride().configureOutput({ writeErr: () => {} });
  let session = null as CliSession | null;
  const output = (): Output => ({ json: Boolean(program.opts<{ json?: boolean }>().json) });
  const currentSession = () => (session ??= new CliSession(program.opts<{ library?: string }>().library));
  registerAvatarCommands(program, currentSession, output);
  registerUsageCommands(program, currentSession, output);
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  let error: Run['error'] = null;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (thrown) {
    if (thrown instanceof CommanderError) error = thrown;
    else if (isAppError(thrown)) error = thrown.toShape();
    else throw thrown;
  } finally {
    write.mockRestore();
    await session?.close();
  }
  return { stdout, error, json: () => JSON.parse(stdout) };
};

describe('usage CLI: avatar use, avatar usage, stats', () => {
  let dir: string;
  let avatarId: string;
  let avatarName: string;
  const cli = (...args: string[]) => runCli(['--library', dir, ...args]);

  beforeAll(async () => {
    dir = tempDir('usage-cli');
    const lib = await openTestLibrary({ dir });
    const projectId = (await lib.must('projects.create', { name: 'Cast' })).id;
    const avatar = await lib.must('avatars.upload', { projectId, fileName: 'ana.png', bytes: await makeImage('png', 256, 256) });
    avatarId = avatar.id;
    avatarName = avatar.name;
    await lib.library.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records uses with --json, one document each, and with readable text', async () => {
    const first = await cli('--json', 'avatar', 'use', avatarId, '--app', 'pose-generator', '--action', 'generate_pose',
      '--reference-id', 'pose_9', '--reference-type', 'pose', '--metadata', '{"frame":12}');
    expect(first.error).toBeNull();
    expect(first.json()).toMatchObject({
      id: expect.stringMatching(/^use_/),
      avatarId,
      appId: 'pose-generator',
      appName: 'pose-generator', // --app-name defaults to the app id
      action: 'generate_pose',
      referenceId: 'pose_9',
      referenceType: 'pose',
      metadata: { frame: 12 },
      createdAt: expect.any(Number),
    });

    const second = await cli('avatar', 'use', avatarId, '--app', 'exporter', '--app-name', 'Exporter', '--action', 'export');
    expect(second.error).toBeNull();
    expect(second.stdout).toBe(`Recorded export by Exporter on ${avatarName} (${avatarId}); used 2 time(s)\n`);
  });

  it('lists the history newest first, as JSON and as a table, with --limit', async () => {
    const listed = (await cli('--json', 'avatar', 'usage', avatarId)).json();
    expect(listed.map((record: { appId: string }) => record.appId)).toEqual(['exporter', 'pose-generator']);
    expect((await cli('--json', 'avatar', 'usage', avatarId, '--limit', '1')).json()).toHaveLength(1);

    const text = (await cli('avatar', 'usage', avatarId)).stdout.split('\n');
    expect(text[0]).toMatch(/^WHEN\s+APP\s+ACTION\s+REFERENCE$/);
    expect(text[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\s+Exporter \(exporter\)\s+export\s+-$/);
    expect(text[2]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\s+pose-generator\s+generate_pose\s+pose pose_9$/);
  });

  it('prints library stats as JSON and as text', async () => {
    const stats = (await cli('--json', 'stats')).json();
    expect(stats).toMatchObject({
      avatars: 1,
      projects: 1,
      mostUsed: [{ avatarId, usageCount: 2 }],
      perApp: [
        { appId: 'exporter', appName: 'Exporter', count: 1 },
        { appId: 'pose-generator', appName: 'pose-generator', count: 1 },
      ],
    });
    expect(stats.generationsPerDay).toHaveLength(30);

    const text = (await cli('stats')).stdout;
    expect(text).toContain('1 avatar(s) in 1 project(s)');
    expect(text).toMatch(/^ {2}uploaded {8}1$/m);
    expect(text).toContain('Generations, last 30 days (UTC): 0 completed, 0 failed\n  (none)');
    expect(text).toMatch(new RegExp(`^${avatarId}\\s+${avatarName}\\s+2\\s+\\d{4}-`, 'm'));
    expect(text).toMatch(/^exporter\s+Exporter\s+1\s+\d{4}-/m);
  });

  it('refuses bad input before or at the core, with the same codes as every other command', async () => {
    const cases: [string[], string][] = [
      [['avatar', 'use', avatarId, '--app', 'x', '--action', 'y', '--metadata', '{not json'], 'VALIDATION_FAILED'],
      [['avatar', 'use', avatarId, '--app', 'x', '--action', 'y', '--metadata', '[1,2]'], 'VALIDATION_FAILED'],
      [['avatar', 'use', avatarId, '--app', 'a'.repeat(51), '--action', 'y'], 'VALIDATION_FAILED'],
      [['avatar', 'use', 'ava_000000000000000000000000', '--app', 'x', '--action', 'y'], 'NOT_FOUND'],
      [['avatar', 'usage', avatarId, '--limit', 'ten'], 'VALIDATION_FAILED'],
      [['avatar', 'usage', avatarId, '--limit', '0'], 'VALIDATION_FAILED'],
      [['avatar', 'usage', 'ava_000000000000000000000000'], 'NOT_FOUND'],
    ];
    for (const [args, code] of cases) {
      const run = await cli('--json', ...args);
      expect(run.error && !(run.error instanceof CommanderError) && run.error.code, args.join(' ')).toBe(code);
      expect(run.stdout, args.join(' ')).toBe('');
    }
    const missing = await cli('avatar', 'use', avatarId, '--app', 'x');
    expect(missing.error).toBeInstanceOf(CommanderError);
    expect((missing.error as CommanderError).message).toContain("required option '--action <action>' not specified");

    expect((await cli('--json', 'avatar', 'usage', avatarId)).json()).toHaveLength(2);
  });

  it('needs the avatar command registered first', () => {
    expect(() => registerUsageCommands(new Command(), () => new CliSession(dir), () => ({ json: false }))).toThrow(/registerAvatarCommands first/);
  });
});
