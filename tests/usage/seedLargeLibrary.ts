import Database from 'better-sqlite3';
import path from 'node:path';
import { DB_FILE_NAME } from '../../src/main/core';
import { newId } from '../../src/shared/ids';
import { SOURCE_TYPES } from '../../src/shared/vocabulary';
import { seededRandom } from '../fakes/seededRandom';

export interface LargeLibrarySize {
  projects: number;
  avatars: number;
  usages: number;
  generations: number;
  /** Distinct app ids the usage rows come from. */
  apps: number;
}

const DAY_MS = 86_400_000;
const PROMPT = 'Studio portrait of an adult person, soft window light, 85mm lens, shallow depth of field, neutral backdrop, '.repeat(3);
const RECIPE = JSON.stringify({ persona: { name: 'Ana', age: 29, personality: ['calm', 'bold'] }, attributes: { gender: 'female', style: 'noir' } });

/**
 * Fills a migrated library straight through SQLite with rows shaped like real ones (prompts,
 * recipes, metadata), so the stats queries meet realistic page counts. Usage counts on avatars
 * agree with their history rows, as the service keeps them. Deterministic for a given size.
 */
export const seedLargeLibrary = (libraryDir: string, size: LargeLibrarySize, now: number): void => {
  const random = seededRandom(42);
  const db = new Database(path.join(libraryDir, DB_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  // The default 2 MB page cache makes random-key inserts into a dozen indexes crawl past ~20,000 rows.
  db.pragma('cache_size = -262144');
  const insertProject = db.prepare('insert into projects (id, name, created_at, updated_at) values (?, ?, ?, ?)');
  const insertAvatar = db.prepare(`insert into avatars (id, project_id, name, persona_name, persona_age, persona_personality, persona_background,
      gender, age_range, source_type, image_format, image_width, image_height, image_bytes, image_sha256, generation_prompt, seed, model, provider,
      created_at, updated_at)
    values (?, ?, ?, ?, ?, '["calm","curious"]', 'A background line of text.', ?, ?, ?, 'png', 1024, 1024, 900000, ?, ?, ?, 'black-forest-labs/FLUX.1-schnell', 'huggingface', ?, ?)`);
  const insertUsage = db.prepare(`insert into usage_history (id, avatar_id, app_id, app_name, action, reference_id, reference_type, metadata, created_at)
    values (?, ?, ?, ?, ?, ?, 'pose', ?, ?)`);
  const setUsage = db.prepare('update avatars set usage_count = ?, last_used_at = ? where id = ?');
  const insertGeneration = db.prepare(`insert into generations (id, project_id, name, status, stage, progress, attempts, max_attempts, recipe, prompt,
      seed, model, provider, params, created_at, started_at, finished_at, updated_at)
    values (?, ?, 'Generated', ?, 'done', 1, 1, 3, ?, ?, ?, 'black-forest-labs/FLUX.1-schnell', 'huggingface', '{"width":1024,"height":1024}', ?, ?, ?, ?)`);

  const genders = ['male', 'female', 'unisex'] as const;
  const ranges = ['young', 'adult', 'mature'] as const;
  const projectIds: string[] = [];
  const avatarIds: string[] = [];
  db.transaction(() => {
    for (let p = 0; p < size.projects; p += 1) {
      const id = newId('project');
      projectIds.push(id);
      insertProject.run(id, `Project ${p}`, now - 400 * DAY_MS + p, now - 400 * DAY_MS + p);
    }
    for (let a = 0; a < size.avatars; a += 1) {
      const id = newId('avatar');
      avatarIds.push(id);
      const at = now - 365 * DAY_MS + a * 1000;
      insertAvatar.run(
        id, projectIds[a % projectIds.length]!, `Avatar ${a}`, `Persona ${a}`, 20 + (a % 60), genders[a % 3], ranges[a % 3],
        SOURCE_TYPES[a % SOURCE_TYPES.length], `${a}`.padStart(64, '0'), PROMPT, a, at, at,
      );
    }
    // Skewed like real use: a few avatars take most of the uses.
    const counts = new Map<string, { count: number; last: number }>();
    for (let u = 0; u < size.usages; u += 1) {
      const avatarId = avatarIds[Math.floor(random() ** 3 * avatarIds.length)]!;
      const app = Math.floor(random() * size.apps);
      const at = now - Math.floor(random() * 90 * DAY_MS);
      insertUsage.run(newId('usage'), avatarId, `app-${app}`, `App ${app}`, 'generate_pose', `ref-${u}`, '{"source":"seed","frame":12}', at);
      const seen = counts.get(avatarId);
      counts.set(avatarId, { count: (seen?.count ?? 0) + 1, last: Math.max(seen?.last ?? 0, at) });
    }
    for (const [id, { count, last }] of counts) setUsage.run(count, last, id);
    for (let g = 0; g < size.generations; g += 1) {
      const finished = now - Math.floor(random() * 120 * DAY_MS);
      const status = random() < 0.9 ? 'completed' : 'failed';
      insertGeneration.run(newId('generation'), projectIds[g % projectIds.length]!, status, RECIPE, PROMPT, g, finished - 20_000, finished - 15_000, finished, finished);
    }
  })();
  db.close();
};
