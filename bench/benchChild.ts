// Forking the benchmark's helper processes (TypeScript run through tsx) and talking to them over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXIT_GRACE_MS = 5_000;

/** Child stdout goes to our stderr: stdout carries only the JSON document. */
export const forkBenchChild = (script: string, args: string[]): ChildProcess =>
  fork(fileURLToPath(new URL(script, import.meta.url)), args, {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 2, 2, 'ipc'],
  });

/** The first message the predicate accepts; fails if the child dies first. */
export const nextMessage = <T>(child: ChildProcess, accept: (message: unknown) => message is T): Promise<T> =>
  new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if (!accept(message)) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`bench child exited (${code}) before answering`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });

/** Children exit on disconnect; one that does not within the grace period is killed, never left behind. */
export const endChild = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
  await exited;
  clearTimeout(timer);
};
