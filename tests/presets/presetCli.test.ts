/**
 * The `preset` commands, run in-process on a commander program exactly as src/cli/index.ts
 * registers the others (registerPresetCommands(program, session, output)), against a real library
 * folder, with no HF_TOKEN: generation is offline.
 */
import { rmSync } from 'node:fs';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerPresetCommands } from '../../src/cli/presetCommands';
import { CliSession } from '../../src/cli/session';
import { BUILTIN_PRESETS } from '../../src/main/core/presets/builtinPresets';
import { isAppError } from '../../src/shared/errors';
import { tempDir } from '../helpers/library';

interface Run {
  stdout: string;
  error: unknown;
  exitCode: number | undefined;
  json: () => any;
  lines: () => any[];
}

describe('avatar-creator preset (in-process)', () => {
  let dir: string;

  const cli = async (...args: string[]): Promise<Run> => {
    // Usage errors come back as the thrown CommanderError; keep commander's prose out of the test log.
    const program = new Command('avatar-creator').option('--json').exitOverride().configureOutput({ writeErr: () => undefined });
    const session = new CliSession(dir);
    registerPresetCommands(program, () => session, () => ({ json: Boolean(program.opts<{ json?: boolean }>().json) }));
    for (const sub of program.commands) sub.exitOverride();
    let stdout = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    let error: unknown = null;
    process.exitCode = undefined;
    try {
      await program.parseAsync(args, { from: 'user' });
    } catch (caught) {
      error = caught;
    } finally {
      write.mockRestore();
      await session.close();
    }
    const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
    process.exitCode = undefined;
    return { stdout, error, exitCode, json: () => JSON.parse(stdout), lines: () => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
  };

  const call = async <T>(fn: (session: CliSession) => Promise<T>): Promise<T> => {
    const session = new CliSession(dir);
    try {
      return await fn(session);
    } finally {
      await session.close();
    }
  };

  beforeEach(() => {
    dir = tempDir('preset-cli');
    vi.stubEnv('HF_TOKEN', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists presets by category and search, as JSON or a table, and shows one', async () => {
    const sports = (await cli('--json', 'preset', 'list', '--category', 'sports')).json();
    expect(sports.length).toBeGreaterThanOrEqual(4);
    expect(sports.every((preset: { category: string }) => preset.category === 'sports')).toBe(true);

    const table = await cli('preset', 'list', '--search', 'kimono');
    expect(table.stdout).toMatch(/^ID\s+NAME\s+CATEGORY\s+USED\s+KIND/);
    expect(table.stdout).toContain('Kimono Elegance');
    expect(table.stdout.trim().split('\n')).toHaveLength(2);

    const bad = await cli('--json', 'preset', 'list', '--category', 'nonsense');
    expect(isAppError(bad.error) && bad.error.code).toBe('VALIDATION_FAILED');

    const preset = BUILTIN_PRESETS[0]!;
    const shown = await cli('preset', 'show', preset.id);
    expect(shown.stdout).toContain(preset.name);
    expect(shown.stdout).toContain('built-in (read-only)');
    expect(shown.stdout).toContain(preset.prompt);
  });

  it('uses a preset offline with no token: waits for the avatars, reports JSON lines, applies overrides', async () => {
    const projectId = (await call((session) => session.call('projects.create', { name: 'CLI presets' }))).id;
    const preset = BUILTIN_PRESETS.find((item) => item.category === 'fashion')!;
    const run = await cli('--json', 'preset', 'use', preset.id, projectId, '--name', 'Zed', '--hair-color', 'teal', '--count', '2', '--seed', '5');
    expect(run.error).toBeNull();
    expect(run.exitCode).toBeUndefined();
    const lines = run.lines();
    expect(lines.filter((line) => line.event === 'queued').map((line) => [line.name, line.seed])).toEqual([
      ['Zed 1', 5],
      ['Zed 2', 6],
    ]);
    const summary = lines.at(-1);
    expect(summary).toMatchObject({ event: 'summary', total: 2, completed: 2, failed: 0 });

    const avatars = await call((session) => session.call('avatars.list', { projectId }));
    expect(avatars).toHaveLength(2);
    for (const avatar of avatars) {
      expect(avatar).toMatchObject({ sourceType: 'from_preset', attributes: { ...preset.attributes, hairColor: 'teal' }, generation: { provider: 'offline' } });
    }
    expect(new Set(avatars.map((avatar) => avatar.id))).toEqual(new Set(summary.avatars));
    expect((await call((session) => session.call('presets.get', { id: preset.id }))).usageCount).toBe(2);
  });

  it('takes --provider offline or hf, and refuses anything else before touching the library', async () => {
    const projectId = (await call((session) => session.call('projects.create', { name: 'P' }))).id;
    const preset = BUILTIN_PRESETS[1]!;
    const offline = await cli('--json', 'preset', 'use', preset.id, projectId, '--provider', 'offline', '--seed', '1');
    expect(offline.lines().at(-1)).toMatchObject({ event: 'summary', completed: 1 });

    const bogus = await cli('--json', 'preset', 'use', preset.id, projectId, '--provider', 'dall-e');
    expect(isAppError(bogus.error) && bogus.error.code).toBe('VALIDATION_FAILED');

    const badSeed = await cli('--json', 'preset', 'use', preset.id, projectId, '--seed', 'soon');
    expect(isAppError(badSeed.error) && badSeed.error.code).toBe('VALIDATION_FAILED');
  });

  it('saves an avatar as a preset and deletes it; built-ins cannot be deleted', async () => {
    const projectId = (await call((session) => session.call('projects.create', { name: 'Saved' }))).id;
    const used = await cli('--json', 'preset', 'use', BUILTIN_PRESETS[2]!.id, projectId, '--seed', '9');
    const [avatarId] = used.lines().at(-1).avatars as string[];

    const saved = (await cli('--json', 'preset', 'save', avatarId!, '--name', 'My doctor', '--category', 'professional')).json();
    expect(saved).toMatchObject({ name: 'My doctor', category: 'professional', isBuiltin: false, previewAvatarId: avatarId, attributes: BUILTIN_PRESETS[2]!.attributes });

    const missing = await cli('--json', 'preset', 'save', avatarId!, '--name', 'No category');
    expect(missing.error).toBeTruthy();

    expect((await cli('--json', 'preset', 'delete', saved.id)).json()).toEqual({ id: saved.id });
    const builtin = await cli('--json', 'preset', 'delete', BUILTIN_PRESETS[0]!.id);
    expect(isAppError(builtin.error) && builtin.error.code).toBe('INVALID_STATE');
  });
});
