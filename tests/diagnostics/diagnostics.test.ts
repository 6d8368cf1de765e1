import { afterEach, describe, expect, it } from 'vitest';
import { createAppLog } from '../../src/main/core/logging/appLog';
import { makeImage } from '../helpers/images';
import { openTestLibrary, tempDir, type TestLibrary } from '../helpers/library';

const TOKEN = 'hf_DiagnosticsSecret0123456789abcdef';

describe('diagnostics.get', () => {
  let lib: TestLibrary;
  afterEach(async () => lib?.dispose());

  it('gathers versions, counts, settings, the token state and recent errors, with no secret in any of it', async () => {
    const appLog = createAppLog({ dir: tempDir('diag-log'), secrets: () => [TOKEN] });
    lib = await openTestLibrary({ about: { appVersion: '9.9.9', shell: 'test' }, recentErrors: () => appLog.recentErrors() });
    const projectId = (await lib.must('projects.create', { name: 'Diag' })).id;
    await lib.must('avatars.upload', { projectId, fileName: 'a.png', bytes: await makeImage('png', 64, 64) });
    await lib.must('settings.update', { generation: { endpointUrl: 'https://user:p4ssw0rd@endpoint.example/run?api_key=k3y-value' } });
    await lib.must('token.set', { token: TOKEN, keep: 'session' });
    appLog.error('generation failed', new Error(`upstream echoed Bearer ${TOKEN}`));

    const report = await lib.must('diagnostics.get', {});
    expect(report).toMatchObject({
      app: { version: '9.9.9', shell: 'test' },
      runtime: { node: process.versions.node, platform: process.platform },
      library: { projects: 1, avatars: 1, pendingGenerations: 0 },
      token: { state: 'set', storage: 'session' },
      queue: { paused: false },
    });
    expect(report.recentErrors).toHaveLength(1);
    expect(report.recentErrors[0]!.message).toContain('generation failed');
    const text = JSON.stringify(report);
    for (const secret of [TOKEN, 'p4ssw0rd', 'k3y-value']) expect(text).not.toContain(secret);
    expect(report.settings.generation.endpointUrl).toBe('https://user:[redacted]@endpoint.example/run?api_key=[redacted]');
  });
});
