import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemorySessionVault } from '../../src/main/core/sync/sessionVault';
import type { TestLibrary } from '../helpers/library';
import { expectServerMatches, openSyncedLibrary, startServer, syncedProject, uploadAvatar, USER, waitForIdle } from './helpers';

type Action =
  | { kind: 'create'; name: string }
  | { kind: 'edit'; pick: number; name: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'use'; pick: number }
  | { kind: 'outage' }
  | { kind: 'crash'; dropUpload: boolean }
  | { kind: 'settle' };

// Number-like names take the upload-then-PUT path.
const names = fc.constantFrom('Ayu', 'Budi', '2024', 'Citra', '007', 'Dewi Lestari');
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: names.map((name) => ({ kind: 'create', name }) as const) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), name: names }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('use' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'outage' } as const) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), dropUpload: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'settle' } as const) },
);

describe('model: any sequence of edits, deletes, usage, outages and crashes', () => {
  it.each([true, false])('ends with the server equal to the local library, nothing doubled (extension %s)', async (extension) => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 3, maxLength: 14 }), async (actions) => {
        const server = await startServer({ extension });
        const vault = createMemorySessionVault();
        let lib: TestLibrary = await openSyncedLibrary(server, { vault });
        try {
          const project = await syncedProject(lib);
          const alive: string[] = [];
          let creates = 0;
          for (const step of actions) {
            const target = alive.length > 0 && 'pick' in step ? alive[step.pick % alive.length]! : null;
            if (step.kind === 'create') {
              alive.push((await uploadAvatar(lib, project.id, step.name)).id);
              creates += 1;
            } else if (step.kind === 'edit' && target) await lib.must('avatars.update', { id: target, name: step.name });
            else if (step.kind === 'delete' && target) {
              await lib.must('avatars.delete', { id: target });
              alive.splice(alive.indexOf(target), 1);
            } else if (step.kind === 'use' && target) await lib.must('usage.record', { avatarId: target, appId: 'docs', appName: 'Docs', action: 'insert' });
            else if (step.kind === 'outage') await (server.faults.isDown ? server.faults.comeBack() : server.faults.goDown());
            else if (step.kind === 'crash') {
              if (step.dropUpload) server.faults.dropNextResponses(1, { method: 'POST', path: /\/avatars\/upload$/ });
              await new Promise((resolve) => setTimeout(resolve, 30));
              await lib.library.close();
              lib = await openSyncedLibrary(server, { vault }, lib.dir);
            } else if (step.kind === 'settle') await new Promise((resolve) => setTimeout(resolve, 60));
          }
          if (server.faults.isDown) await server.faults.comeBack();
          server.faults.clear();
          await waitForIdle(lib, 8_000, (queued, pendingUsage) => queued === (extension ? 0 : pendingUsage)).catch(async (error: unknown) => {
            console.log(JSON.stringify(actions), JSON.stringify(await lib.must('sync.status', {})), JSON.stringify(await lib.must('sync.issues', {})));
            throw error;
          });
          // Without the extension usage waits (never dropped): everything else must be there.
          expectServerMatches(lib, server, { usage: extension });
          expect(server.db.charges(USER.email)).toBeLessThanOrEqual(creates);
          const status = await lib.must('sync.status', {});
          expect(status.errors).toBe(0);
          if (!extension) {
            // Every use of a living avatar still waits, visibly.
            let uses = 0;
            for (const id of alive) uses += (await lib.must('usage.list', { avatarId: id, limit: 500 })).length;
            expect(status.pendingUsage).toBe(uses);
          }
        } finally {
          await lib.dispose();
          await server.close();
        }
      }),
      { numRuns: 10, endOnFailure: true },
    );
  }, 120_000);
});
