import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemorySessionVault } from '../../src/main/core/sync/sessionVault';
import type { SyncServerHandle } from '../../src/syncServer';
import type { TestLibrary } from '../helpers/library';
import { until } from '../helpers/until';
import { expectServerMatches, openSyncedLibrary, startServer, syncedProject, uploadAvatar, USER, waitForIdle } from './helpers';

const WORKER = fileURLToPath(new URL('./relayWorker.ts', import.meta.url));
const UPLOAD = /\/avatars\/upload$/;

describe('a relay killed with SIGKILL between send and acknowledgement', () => {
  let server: SyncServerHandle | null = null;
  const libs: TestLibrary[] = [];
  afterEach(async () => {
    for (const lib of libs.splice(0)) await lib.dispose().catch(() => {});
    await server?.close();
  });

  it('doubles nothing when another process takes over', async () => {
    server = await startServer();
    const vault = createMemorySessionVault();
    const first = await openSyncedLibrary(server, { vault });
    libs.push(first);
    const project = await syncedProject(first);
    await waitForIdle(first);
    const session = vault.get();
    expect(session).toBeTruthy();
    // This process stops relaying; the child takes the lease and sends the next upload.
    await first.library.close();

    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, first.dir, server.url], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LUMIKU_SESSION: session! } });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    try {
      server.faults.dropNextResponses(1, { method: 'POST', path: UPLOAD });
      const writer = await openSyncedLibrary(server, { vault, relay: false }, first.dir);
      libs.push(writer);
      await uploadAvatar(writer, project.id, 'Killed in flight');
      // The server made the avatar and charged for it; the answer never reached the child.
      await until(() => server!.requests.matching('POST', UPLOAD).some((request) => request.outcome === 'dropped'), { timeoutMs: 20_000 });
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      await writer.library.close();
    } finally {
      child.kill('SIGKILL');
    }

    // A new process: the dead one's lease runs out, then the row whose answer was lost is checked, not re-sent blindly.
    const second = await openSyncedLibrary(server, { vault }, first.dir);
    libs.push(second);
    await waitForIdle(second);
    expect(server.db.avatars({ user: USER.email })).toHaveLength(1);
    expect(server.db.charges(USER.email)).toBe(1);
    expect(server.requests.matching('POST', UPLOAD)).toHaveLength(1);
    expectServerMatches(second, server, { usage: false });
  });
});
