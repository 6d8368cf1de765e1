import path from 'node:path';
import { format } from 'node:util';
import log from 'electron-log/node';
import type { Logger } from '../router/router';
import { redactSecrets } from './redact';

export const LOG_FILE_NAME = 'avatar-creator.log';
/** One file this size, and one `.old` before it: enough for a bug report, bounded on disk. */
export const LOG_MAX_BYTES = 2 * 1024 * 1024;
const RECENT_ERRORS = 50;

export interface RecentError {
  at: number;
  message: string;
}

export interface AppLog {
  /** The router's and the pool's logger: failures with their cause. */
  error: Logger;
  info(message: string): void;
  warn(message: string): void;
  /** The last errors, already redacted, for "copy diagnostics". */
  recentErrors(): RecentError[];
  readonly file: string;
}

export interface AppLogOptions {
  dir: string;
  /** Current secret values (the token, a session), cut out of every line even if their shape is unknown. */
  secrets?: () => readonly string[];
  /** Also print to stderr (the web bridge and the app in development); the CLI keeps stderr for its own messages. */
  console?: boolean;
  maxBytes?: number;
  now?: () => number;
}

/**
 * A rotating log file through electron-log's Node build (no Electron needed, so the app, the
 * bridge and the CLI share it). Every entry is formatted to text and redacted before any
 * transport sees it, so no transport can write a secret.
 */
export const createAppLog = ({ dir, secrets = () => [], console: toConsole = false, maxBytes = LOG_MAX_BYTES, now = Date.now }: AppLogOptions): AppLog => {
  const logger = log.create({ logId: `avatar-creator-${dir}` });
  const file = path.join(dir, LOG_FILE_NAME);
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = maxBytes;
  logger.transports.file.level = 'info';
  logger.transports.console.level = toConsole ? 'warn' : false;
  const recent: RecentError[] = [];
  logger.hooks.push((message) => {
    const text = redactSecrets(format(...(message.data as unknown[])), secrets());
    return { ...message, data: [text] };
  });

  const remember = (text: string): void => {
    recent.push({ at: now(), message: redactSecrets(text, secrets()) });
    if (recent.length > RECENT_ERRORS) recent.shift();
  };

  return {
    file,
    error: (message, error) => {
      remember(error === undefined ? message : `${message}: ${error instanceof Error ? error.message : format(error)}`);
      if (error === undefined) logger.error(message);
      else logger.error(message, error);
    },
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    recentErrors: () => [...recent],
  };
};
