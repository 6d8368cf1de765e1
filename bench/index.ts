// `npm run bench`: speed and memory figures as one JSON document on stdout. Never asserted in tests.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { openLibrary, type Library } from '../src/main/core';
import { seedAvatarRows } from '../tests/helpers/seed';
import { benchGeneration } from './generation';
import { benchLibrary } from './library';
import { benchRender } from './render';
import { benchSync } from './sync';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));
const UPLOADS = 40;
const LIST_SIZE = 10_000;
const LIST_RUNS = 5;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

const timed = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const photo = (seed: number): Promise<Buffer> => {
  const size = 1024;
  const raw = Buffer.alloc(size * size * 3);
  for (let i = 0; i < raw.length; i += 1) raw[i] = (i * 31 + seed * 17 + ((i / 3072) | 0)) & 0xff;
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } }).blur(1.2).jpeg({ quality: 90 }).toBuffer();
};

const call = async (library: Library, command: string, input: unknown) => {
  const result = await library.router.invoke(command, input, { shell: 'test' });
  if (!result.ok) throw new Error(`${command}: ${result.error.message}`);
  return result.value as { id: string };
};

const benchUpload = async (work: string) => {
  const files = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => photo(i)));
  const bareDir = path.join(work, 'bare');
  rmSync(bareDir, { recursive: true, force: true });
  const library = await openLibrary({ dir: path.join(work, 'upload-lib'), migrationsFolder: MIGRATIONS, log: () => {} });
  const project = await call(library, 'projects.create', { name: 'Bench' });
  mkdirSync(bareDir, { recursive: true });

  // Warm both paths so neither pays libvips start-up alone.
  await sharp(files[0]).resize(300, 300).jpeg().toBuffer();
  await call(library, 'avatars.upload', { projectId: project.id, fileName: 'warm.jpg', bytes: files[0] });

  const bare: number[] = [];
  const ours: number[] = [];
  for (const [i, bytes] of files.entries()) {
    bare.push(await timed(() => sharp(bytes).resize(300, 300, { fit: 'cover' }).jpeg({ quality: 85 }).toFile(path.join(bareDir, `${i}.jpg`))));
    ours.push(await timed(() => call(library, 'avatars.upload', { projectId: project.id, fileName: `${i}.jpg`, bytes })));
  }
  library.close();
  const bareMs = median(bare);
  const oursMs = median(ours);
  return {
    images: UPLOADS,
    imageSize: '1024x1024 JPEG',
    bareSharpResizeWriteMsMedian: round(bareMs),
    uploadIngestMsMedian: round(oursMs),
    ratio: round(oursMs / bareMs),
    note: 'upload = validate + upright re-encode without metadata + 300x300 thumbnail + sha256 + 2 fsynced atomic writes + row',
  };
};

const benchListing = async (work: string) => {
  const dir = path.join(work, 'list-lib');
  const setup = await openLibrary({ dir, migrationsFolder: MIGRATIONS, log: () => {} });
  const project = await call(setup, 'projects.create', { name: 'Ten thousand' });
  setup.close();
  seedAvatarRows(dir, project.id, LIST_SIZE);

  // The seeded rows have no image files; the start-up sweep would rightly remove them.
  const library = await openLibrary({ dir, migrationsFolder: MIGRATIONS, sweepOnOpen: false, log: () => {} });
  const heapBefore = process.memoryUsage().heapUsed;
  const get: number[] = [];
  const list: number[] = [];
  let payloadBytes = 0;
  for (let run = 0; run < LIST_RUNS; run += 1) {
    get.push(await timed(async () => (payloadBytes = JSON.stringify(await call(library, 'projects.get', { id: project.id })).length)));
    list.push(await timed(() => call(library, 'projects.list', {})));
  }
  const heapAfter = process.memoryUsage().heapUsed;
  library.close();
  return {
    avatars: LIST_SIZE,
    projectGetMsMedian: round(median(get)),
    projectsListMsMedian: round(median(list)),
    projectGetPayloadMB: round(payloadBytes / 1048576),
    heapGrowthMB: round((heapAfter - heapBefore) / 1048576),
  };
};

const main = async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'avatar-creator-bench-'));
  try {
    const result = {
      machine: { cpus: os.cpus().length, node: process.version, platform: `${process.platform}-${process.arch}` },
      upload: await benchUpload(work),
      listing: await benchListing(work),
      generation: await benchGeneration(),
      library: await benchLibrary(work),
      // A browser that stops drawing is reported, not left to hang the whole benchmark.
      render: await benchRender(work).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })),
      sync: await benchSync(work),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

await main();
