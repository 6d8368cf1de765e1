import Database from 'better-sqlite3';
import path from 'node:path';
import { newId } from '../../src/shared/ids';
import { DB_FILE_NAME } from '../../src/main/core';

/** Inserts `count` avatar rows straight into SQLite: listing cost depends on rows, not on image decoding. */
export const seedAvatarRows = (libraryDir: string, projectId: string, count: number): void => {
  const db = new Database(path.join(libraryDir, DB_FILE_NAME));
  const insert = db.prepare(`insert into avatars (id, project_id, name, persona_name, persona_age, persona_personality, persona_background,
      gender, age_range, hair_color, style, source_type, image_format, image_width, image_height, image_bytes, image_sha256, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'uploaded', 'jpeg', 1024, 1024, 180000, ?, ?, ?)`);
  const genders = ['male', 'female', 'unisex'] as const;
  const ranges = ['young', 'adult', 'mature'] as const;
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const at = 1_700_000_000_000 + i * 1000;
      insert.run(newId('avatar'), projectId, `Avatar ${i}`, `Persona ${i}`, 20 + (i % 60), '["calm","curious"]', 'A background line of text.', genders[i % 3], ranges[i % 3], 'auburn', 'noir', 'f'.repeat(64), at, at);
    }
  })();
  db.close();
};
