import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { makeImage } from '../helpers/images';
import { tempDir } from '../helpers/library';

describe('avatar-creator credits', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows what uploads were charged, as JSON and as text', async () => {
    dir = tempDir('credits-cli');
    const cli = (...args: string[]) => runCli(['--library', dir, ...args]);
    const projectId = (await cli('--json', 'project', 'create', 'Spend')).json().id;
    const file = path.join(dir, 'a.png');
    writeFileSync(file, await makeImage('png', 64, 64));
    expect((await cli('--json', 'avatar', 'upload', projectId, file, file)).code).toBe(0);

    const report = (await cli('--json', 'credits')).json();
    expect(report.summary).toMatchObject({ spentToday: 4, spentTotal: 4, refundedTotal: 0, dailyLimit: null });
    expect(report.history).toHaveLength(2);
    expect(report.history[0]).toMatchObject({ kind: 'charge', action: 'upload', amount: 2 });

    const text = await cli('credits');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Spent today: 4');
    expect(text.stdout).toMatch(/charge\s+upload\s+-2/);
    expect((await cli('--json', 'credits', '--limit', 'x')).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});
