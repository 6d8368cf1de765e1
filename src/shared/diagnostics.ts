import type { QueueStatus } from './domain';
import type { Settings, TokenStatus } from './settings';

/** What "copy diagnostics" gathers: enough to understand a problem, never a secret. */
export interface Diagnostics {
  generatedAt: number;
  app: { version: string; shell: string };
  runtime: { node: string; electron: string | null; chrome: string | null; platform: string; arch: string; osRelease: string };
  library: { dir: string; projects: number; avatars: number; pendingGenerations: number; processingGenerations: number };
  /** With URLs' passwords and key parameters cut out. */
  settings: Settings;
  /** Whether a token is set and what the last check said; never the token. */
  token: TokenStatus | null;
  queue: QueueStatus;
  /** The latest failures from the log, redacted, newest last. */
  recentErrors: { at: number; message: string }[];
}

/** A finished move of the library: where from and to, what was proven copied. */
export interface LibraryMove {
  from: string;
  to: string;
  avatars: number;
  files: number;
  /** The desktop app restarts on the new folder right after answering. */
  restarting: boolean;
}
