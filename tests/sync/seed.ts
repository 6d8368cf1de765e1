import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME } from '../../src/main/core';
import { newId } from '../../src/shared/ids';
import { makeImage } from '../helpers/images';

let imageBytes: Buffer | null = null;

/** Avatar rows (with image files) and usage straight into SQLite: 500 of them in well under a second. */
export const seedAvatars = async (dir: string, projectId: string, count: number, usagePerAvatar = 0): Promise<string[]> => {
  imageBytes ??= await makeImage('png', 300, 300);
  const db = new Database(path.join(dir, DB_FILE_NAME));
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  const ids: string[] = [];
  const insert = db.prepare(`INSERT INTO avatars (id, project_id, name, persona_name, persona_age, persona_personality, persona_background,
      gender, age_range, hair_color, style, source_type, image_format, image_width, image_height, image_bytes, image_sha256, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'uploaded', 'png', 300, 300, ?, 'x', ?, ?)`);
  const usage = db.prepare(`INSERT INTO usage_history (id, avatar_id, app_id, app_name, action, reference_id, metadata, created_at) VALUES (?, ?, 'docs', 'Lumiku Docs', 'insert', ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const id = newId('avatar');
      const at = Date.now() - 86_400_000 + i * 1000;
      // Every tenth name is number-like, so the upload-then-PUT path is taken too.
      insert.run(id, projectId, i % 10 === 3 ? `${2000 + i}` : `Avatar ${i}`, `Persona ${i}`, 20 + (i % 60), '["calm","curious"]', 'A background.', ['male', 'female', 'unisex'][i % 3], ['young', 'adult', 'mature'][i % 3], 'auburn', 'noir', imageBytes!.length, at, at);
      for (let u = 0; u < usagePerAvatar; u += 1) usage.run(newId('usage'), id, `doc-${u}`, JSON.stringify({ n: u }), at + u);
      ids.push(id);
    }
  })();
  db.close();
  for (const id of ids) writeFileSync(path.join(dir, 'images', `${id}.png`), imageBytes!);
  return ids;
};

