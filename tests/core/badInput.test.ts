import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage } from '../helpers/images';
import { openTestLibrary, type TestLibrary } from '../helpers/library';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** A valid PNG header claiming 20000×20000 with a tiny compressed body: a decompression bomb in a few hundred KB. */
const pngBomb = (): Buffer => {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const side = 20_000;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const row = Buffer.alloc(side + 1);
  const rows = Buffer.concat(Array.from({ length: 2000 }, () => row));
  const idat = zlib.deflateSync(rows, { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
};

describe('bad input gets a clear code and writes nothing', () => {
  let lib: TestLibrary;
  let projectId: string;
  beforeAll(async () => {
    lib = await openTestLibrary();
    projectId = (await lib.must('projects.create', { name: 'Target' })).id;
  });
  afterAll(() => lib.dispose());

  const expectNothingWritten = async () => {
    expect(await lib.must('avatars.list', {})).toEqual([]);
    for (const dir of ['images', 'thumbs']) expect(readdirSync(path.join(lib.dir, dir))).toEqual([]);
    expect(await lib.must('projects.list', {})).toHaveLength(1);
  };

  const uploadCases: [string, () => Promise<Uint8Array>, string][] = [
    ['a truncated JPEG', async () => (await makeImage('jpeg', 800, 600)).subarray(0, 4000), 'IMAGE_CORRUPT'],
    ['HTML renamed .png', async () => Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'IMAGE_UNSUPPORTED_FORMAT'],
    ['SVG renamed .png', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'IMAGE_UNSUPPORTED_FORMAT'],
    ['a GIF', async () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'IMAGE_UNSUPPORTED_FORMAT'],
    ['a 20000×20000 PNG of a few hundred KB', async () => pngBomb(), 'IMAGE_TOO_MANY_PIXELS'],
    ['an 11 MB file', async () => Buffer.concat([await makeImage('png', 64, 64), Buffer.alloc(11 * 1024 * 1024)]), 'IMAGE_TOO_LARGE'],
    ['an empty file', async () => new Uint8Array(0), 'IMAGE_EMPTY'],
    ['a PNG signature followed by garbage', async () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]), 'IMAGE_CORRUPT'],
  ];

  it.each(uploadCases)('%s', async (_label, bytes, code) => {
    const payload = await bytes();
    if (code === 'IMAGE_TOO_MANY_PIXELS') expect(payload.byteLength).toBeLessThan(1024 * 1024);
    const result = await lib.call('avatars.upload', { projectId, fileName: 'photo.png', bytes: payload });
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
    await expectNothingWritten();
  });

  it('a 10,000-character name', async () => {
    const result = await lib.call('projects.create', { name: 'x'.repeat(10_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'name: must be at most 100 characters' } });
    const upload = await lib.call('avatars.upload', { projectId, fileName: 'a.png', bytes: await makeImage('png'), name: 'y'.repeat(10_000) });
    expect(upload).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await expectNothingWritten();
  });

  it('an unknown project id', async () => {
    const result = await lib.call('avatars.upload', { projectId: 'prj_zzzzzzzzzzzzzzzzzzzzzzzz', fileName: 'a.png', bytes: await makeImage('png') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await expectNothingWritten();
  });

  it.each(['../../etc/passwd', 'prj_../../../etc', 'ava_../x', 'prj_ABCDEFGHIJKLMNOPQRSTUVWX', ''])('an id like %j', async (id) => {
    for (const result of [
      await lib.call('projects.get', { id }),
      await lib.call('avatars.get', { id }),
      await lib.call('avatars.upload', { projectId: id, fileName: 'a.png', bytes: await makeImage('png') }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    await expectNothingWritten();
  });

  it('an unknown command', async () => {
    for (const command of ['projects.drop', '__proto__', 'constructor', 42, null]) {
      const result = await lib.library.router.invoke(command, {}, { shell: 'test' });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }
  });

  it('wrong-typed payloads', async () => {
    const invoke = (command: string, input: unknown) => lib.library.router.invoke(command, input, { shell: 'test' });
    const cases: [string, unknown][] = [
      ['projects.create', { name: 42 }],
      ['projects.create', 'a string'],
      ['projects.create', [1, 2]],
      ['projects.create', { name: 'ok', extra: true }],
      ['avatars.upload', { projectId, fileName: 'a.png', bytes: 'aGVsbG8=' }],
      ['avatars.update', { id: 'ava_000000000000000000000000', persona: { age: 500 } }],
      ['avatars.update', { id: 'ava_000000000000000000000000', attributes: { gender: 'robot' } }],
      ['avatars.update', { id: 'ava_000000000000000000000000', persona: { personality: Array(11).fill('x') } }],
    ];
    for (const [command, input] of cases) {
      const result = await invoke(command, input);
      expect(result, `${command} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    await expectNothingWritten();
  });
});

describe('values JSON cannot hold', () => {
  it('come back as VALIDATION_FAILED, never as a thrown error', async () => {
    const lib = await openTestLibrary();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const metadata of [circular, { big: 10n }]) {
      const result = await lib.library.router.invoke(
        'usage.record',
        { avatarId: 'ava_000000000000000000000000', appId: 'a', appName: 'A', action: 'x', metadata },
        { shell: 'test' },
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    await lib.dispose();
  });
});
