import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppLog, LOG_FILE_NAME } from '../../src/main/core/logging/appLog';
import { REDACTED, redactSecrets } from '../../src/main/core/logging/redact';
import { tempDir } from '../helpers/library';

const TOKEN = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const ODD_SECRET = 'endpoint-key-7f3a9c';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJ1MSJ9.c2lnbmF0dXJlLXZhbHVl';

describe('redaction', () => {
  it.each([
    [`token ${TOKEN} refused`, `token ${REDACTED} refused`],
    [`Authorization: Bearer ${ODD_SECRET}x`, `Authorization: Bearer ${REDACTED}`],
    [`session ${JWT}`, `session ${REDACTED}`],
    ['https://me:hunter22@example.com/x', `https://me:${REDACTED}@example.com/x`],
    ['https://example.com/x?a=1&token=abc123&b=2', `https://example.com/x?a=1&token=${REDACTED}&b=2`],
    ['nothing secret here: hf_short, Bearer', 'nothing secret here: hf_short, Bearer'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('cuts known secrets whatever their shape, but not short words', () => {
    expect(redactSecrets(`key=${ODD_SECRET}; again ${ODD_SECRET}`, [ODD_SECRET, 'the'])).toBe(`key=${REDACTED}; again ${REDACTED}`);
  });
});

describe('app log', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes redacted lines, keeps redacted recent errors, and never the secret in any form', () => {
    dir = tempDir('log');
    const appLog = createAppLog({ dir, secrets: () => [ODD_SECRET] });
    const failure = new Error(`request with ${TOKEN} and ${ODD_SECRET} failed`, { cause: { headers: { authorization: `Bearer ${TOKEN}` } } });
    appLog.error('generation failed', failure);
    appLog.error(`plain ${JWT}`);
    appLog.info(`started with endpoint https://u:${ODD_SECRET}@endpoint.example`);
    appLog.warn(JSON.stringify({ token: TOKEN }));

    const written = readFileSync(path.join(dir, LOG_FILE_NAME), 'utf8');
    expect(written).toContain('generation failed');
    expect(written).toContain('[error]');
    expect(written.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5);
    for (const secret of [TOKEN, ODD_SECRET, JWT, 'AbCdEfGhIj']) expect(written).not.toContain(secret);
    const recent = appLog.recentErrors();
    expect(recent).toHaveLength(2);
    expect(JSON.stringify(recent)).not.toContain(TOKEN);
    expect(recent[0]!.message).toContain('generation failed');
  });

  it('rotates to one .old file when the log passes its size', () => {
    dir = tempDir('log');
    const appLog = createAppLog({ dir, maxBytes: 4096 });
    for (let line = 0; line < 200; line += 1) appLog.info(`line ${line} ${'x'.repeat(60)}`);
    expect(readdirSync(dir).sort()).toEqual(['avatar-creator.log', 'avatar-creator.old.log']);
    expect(readFileSync(path.join(dir, LOG_FILE_NAME)).byteLength).toBeLessThanOrEqual(4096 + 200);
    expect(existsSync(path.join(dir, 'avatar-creator.old.log'))).toBe(true);
  });
});
