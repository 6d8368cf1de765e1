import { describe, expect, it } from 'vitest';
import type { AvatarService } from '../../src/main/core/avatars/avatarService';
import type { GenerationService } from '../../src/main/core/generation/generationService';
import type { ProjectService } from '../../src/main/core/projects/projectService';
import { avatarHandlers } from '../../src/main/core/router/avatarHandlers';
import type { creditHandlers } from '../../src/main/core/router/creditHandlers';
import type { desktopHandlers } from '../../src/main/core/router/desktopHandlers';
import type { diagnosticsHandlers } from '../../src/main/core/router/diagnosticsHandlers';
import type { syncHandlers } from '../../src/main/core/router/syncHandlers';
import type { settingsHandlers } from '../../src/main/core/router/settingsHandlers';
import { generationHandlers } from '../../src/main/core/router/generationHandlers';
import { presetHandlers, searchAndUsageHandlers } from '../../src/main/core/router/libraryHandlers';
import { projectHandlers } from '../../src/main/core/router/projectHandlers';
import type { HandlerGroup, Handlers } from '../../src/main/core/router/router';
import { commandInputs } from '../../src/shared/contract';
import { COMMAND_NAMES, EVENT_NAMES } from '../../src/shared/names';
import { openTestLibrary } from '../helpers/library';

// These lines are checked by `npm run typecheck`: each @ts-expect-error must stay an error.
export const compileTimeChecks = (
  projects: ProjectService,
  avatars: AvatarService,
  generations: GenerationService,
  rest: { searchAndUsage: ReturnType<typeof searchAndUsageHandlers>; presets: ReturnType<typeof presetHandlers>; desktop: ReturnType<typeof desktopHandlers>; settings: ReturnType<typeof settingsHandlers>; credits: ReturnType<typeof creditHandlers>; diagnostics: ReturnType<typeof diagnosticsHandlers>; sync: ReturnType<typeof syncHandlers> },
) => {
  // @ts-expect-error a router without the generation handlers does not compile
  const missing: Handlers = { ...projectHandlers(projects), ...avatarHandlers(avatars), ...rest.searchAndUsage, ...rest.presets, ...rest.desktop, ...rest.settings, ...rest.credits, ...rest.diagnostics, ...rest.sync };
  // @ts-expect-error a handler for a command the contract does not have does not compile
  const extra: HandlerGroup<'projects.list'> = { 'projects.list': () => projects.list(), 'projects.explode': () => null };
  // @ts-expect-error a handler group cannot name a command outside the contract
  const unknown: HandlerGroup<'projects.explode'> = {};
  // @ts-expect-error a handler must return the contract's output type
  const wrongOutput: HandlerGroup<'projects.list'> = { 'projects.list': () => 'not a list' };
  const complete: Handlers = { ...projectHandlers(projects), ...avatarHandlers(avatars), ...generationHandlers(generations), ...rest.searchAndUsage, ...rest.presets, ...rest.desktop, ...rest.settings, ...rest.credits, ...rest.diagnostics, ...rest.sync };
  return [missing, extra, unknown, wrongOutput, complete];
};

describe('contract', () => {
  it('has a schema for every command name and names unique', () => {
    expect(Object.keys(commandInputs).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });

  it('routes every command to a handler (none answers UNKNOWN_COMMAND)', async () => {
    const lib = await openTestLibrary();
    for (const command of COMMAND_NAMES) {
      const result = await lib.library.router.invoke(command, {}, { shell: 'test' });
      if (!result.ok) expect(result.error.code, command).not.toBe('UNKNOWN_COMMAND');
    }
    lib.dispose();
  });
});
