import type { z } from 'zod';
import { commandInputs, type CommandArgs, type CommandOutput } from '../../../shared/contract';
import { AppError, ErrorCode, isAppError, type AppErrorShape } from '../../../shared/errors';
import { isCommandName, type CommandName } from '../../../shared/names';
import type { Result } from '../../../shared/result';
import type { LibraryMove } from '../../../shared/diagnostics';

export type Shell = 'electron' | 'web' | 'cli' | 'test';

/**
 * What only the desktop shell can do for a call. Handed in per call, because a drag belongs to the
 * window that asked for it; absent in the web bridge, the CLI and tests of plain Node.
 */
export interface DesktopActions {
  copyImageFile(filePath: string): void | Promise<void>;
  startDrag(filePath: string, iconPath: string): void;
  /** Closes this library, moves it (to a folder the user picks when `to` is absent), and restarts on it. */
  moveLibrary?(to: string | undefined): Promise<LibraryMove>;
}

export interface RequestContext {
  shell: Shell;
  desktop?: DesktopActions;
}

export type Handlers = {
  [C in CommandName]: (args: CommandArgs<C>, ctx: RequestContext) => CommandOutput<C> | Promise<CommandOutput<C>>;
};

/** Lets handler groups be written in separate files while a missing or extra one still fails to compile. */
export type HandlerGroup<C extends CommandName> = Pick<Handlers, C>;

export type Logger = (message: string, error?: unknown) => void;

export interface Router {
  invoke(command: unknown, input: unknown, ctx: RequestContext): Promise<Result<unknown>>;
}

const MAX_ISSUES = 20;

const describeIssues = (error: z.ZodError): AppErrorShape => {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const headline = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'Invalid input.';
  return { code: ErrorCode.VALIDATION_FAILED, message: headline, issues };
};

/**
 * The one entry point every shell calls. It never throws: unknown commands, invalid input and
 * failures inside handlers all come back as `{ ok: false, error: { code, message } }`.
 */
export const createRouter = (handlers: Handlers, log: Logger): Router => ({
  async invoke(command, input, ctx) {
    if (!isCommandName(command)) {
      const label = typeof command === 'string' ? command.slice(0, 100) : typeof command;
      return { ok: false, error: { code: ErrorCode.UNKNOWN_COMMAND, message: `Unknown command: ${label}` } };
    }
    let parsed: z.ZodSafeParseResult<unknown>;
    try {
      parsed = commandInputs[command].safeParse(input ?? {});
    } catch {
      // A refinement can throw on values JSON cannot hold (cycles, BigInt) that IPC can still carry.
      return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: 'The input holds values that cannot be checked (e.g. circular or BigInt).' } };
    }
    if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
    try {
      const handler = handlers[command] as (args: unknown, ctx: RequestContext) => unknown;
      return { ok: true, value: await handler(parsed.data, ctx) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: error.toShape() };
      log(`command ${command} failed`, error);
      return { ok: false, error: new AppError(ErrorCode.INTERNAL, 'Something went wrong inside Avatar Creator; the details are in the log.').toShape() };
    }
  },
});
