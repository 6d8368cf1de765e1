// The library the render benchmark opens in Chromium: one project of `count` avatars whose image
// files really exist, so every thumbnail the grid asks for is served and decoded, not a 404.
import Database from 'better-sqlite3';
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { DB_FILE_NAME, openLibrary } from '../src/main/core';
import { ImageStore } from '../src/main/core/images/imageStore';
import { makeImage } from '../tests/helpers/images';
import { MIGRATIONS } from '../tests/helpers/library';
import { seedAvatarRows } from '../tests/helpers/seed';

export interface RenderLibrary {
  projectId: string;
  seedMs: number;
}

/** A hard link costs no disk and no write; a file system without them gets a copy. */
const linkOrCopy = (from: string, to: string): void => {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
};

export const seedRenderLibrary = async (dir: string, count: number): Promise<RenderLibrary> => {
  const started = process.hrtime.bigint();
  const setup = await openLibrary({ dir, migrationsFolder: MIGRATIONS, sweepOnOpen: false, log: () => {} });
  const created = await setup.router.invoke('projects.create', { name: 'Ten thousand' }, { shell: 'test' });
  await setup.close();
  if (!created.ok) throw new Error(`projects.create: ${created.error.message}`);
  const projectId = (created.value as { id: string }).id;
  seedAvatarRows(dir, projectId, count);

  const db = new Database(`${dir}/${DB_FILE_NAME}`, { readonly: true });
  const ids = (db.prepare('select id from avatars where project_id = ?').all(projectId) as { id: string }[]).map((row) => row.id);
  db.close();

  // One real 300×300 JPEG (the size ingest makes), shared by every avatar's thumb and full image.
  const store = new ImageStore(dir);
  mkdirSync(store.thumbsDir, { recursive: true });
  mkdirSync(store.imagesDir, { recursive: true });
  const source = store.pathFor(ids[0]!, 'thumb', 'jpeg');
  writeFileSync(source, await makeImage('jpeg', 300, 300));
  for (const [i, id] of ids.entries()) {
    if (i > 0) linkOrCopy(source, store.pathFor(id, 'thumb', 'jpeg'));
    linkOrCopy(source, store.pathFor(id, 'full', 'jpeg'));
  }
  return { projectId, seedMs: Number(process.hrtime.bigint() - started) / 1e6 };
};
