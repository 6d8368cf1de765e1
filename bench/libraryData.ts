// A generated library for the library benchmark: projects and avatar rows written straight into
// SQLite in one transaction with prepared statements. No image files: open it with sweepOnOpen: false.
import Database from 'better-sqlite3';
import path from 'node:path';
import { seededRandom } from '../tests/fakes/seededRandom';

export const FIRST_NAMES = [
  'Ana', 'Zoë', 'José', 'Renée', 'Björn', 'Chloé', 'Søren', 'Mia', 'Liam', 'Noah', 'Emma', 'Olivia', 'Lucas', 'Amélie', 'Mateo',
  'Aiko', 'Kenji', 'Priya', 'Arjun', 'Fatima', 'Omar', 'Leila', 'Yusuf', 'Ingrid', 'Lars', 'Siobhan', 'Declan', 'Nia', 'Kwame',
  'Ama', 'Diego', 'Lucía', 'Marta', 'Paolo', 'Giulia', 'François', 'Hélène', 'Mei', 'Wei', 'Hana', 'Jonas', 'Elif', 'Emre',
  'Sofía', 'Nikolai', 'Katya', 'Tomás', 'Inês', 'Rafael', 'Ayla', 'Kai', 'Luna', 'Theo', 'Iris', 'Felix', 'Nora', 'Hugo', 'Ada',
] as const;
export const LAST_NAMES = [
  'Okafor', 'Novak', 'García', 'Müller', 'Rossi', 'Dubois', 'Nakamura', 'Kim', 'Patel', 'Haddad', 'Larsen', "O'Brien", 'Silva',
  'Kowalski', 'Jensen', 'Mensah', 'Fernández', 'Ivanova', 'Yılmaz', 'Schäfer', 'Costa', 'Andersson', 'Moreau', 'Tanaka', 'Chen',
  'Nguyen', 'Singh', 'Rahman', 'Walsh', 'Bianchi',
] as const;
export const OCCUPATIONS = [
  'chef', 'architect', 'nurse', 'pilot', 'teacher', 'photographer', 'engineer', 'barista', 'surgeon', 'journalist', 'lawyer',
  'gardener', 'carpenter', 'violinist', 'dancer', 'astronaut', 'librarian', 'firefighter', 'sommelier', 'tailor', 'marathoner',
  'climber', 'potter', 'detective', 'beekeeper', 'cartographer', 'blacksmith', 'translator', 'veterinarian', 'skater',
] as const;
export const CITIES = [
  'Lisbon', 'Kyoto', 'Lagos', 'Reykjavík', 'Montréal', 'São Paulo', 'Marrakesh', 'Oslo', 'Hanoi', 'Valparaíso', 'Kraków', 'Dublin',
  'Nairobi', 'Seoul', 'Istanbul', 'Zürich', 'Melbourne', 'Cusco', 'Tbilisi', 'Bergen',
] as const;
export const HOBBIES = [
  'restores old bicycles', 'collects vinyl records', 'runs at dawn', 'paints watercolour maps', 'keeps bees on the roof',
  'builds tiny boats', 'studies the night sky', 'bakes sourdough', 'writes haiku', 'plays chess in the park', 'surfs cold waves',
  'grows chillies', 'repairs clocks', 'sings in a choir', 'rides motorbikes',
] as const;
export const TRAITS = [
  'curious', 'warm', 'witty', 'calm', 'ambitious', 'playful', 'thoughtful', 'confident', 'kind', 'bold', 'patient', 'creative',
  'sarcastic', 'loyal', 'adventurous', 'shy', 'optimistic', 'analytical',
] as const;
export const STYLES = ['Casual', 'Professional', 'Streetwear', 'Elegant', 'Sporty', 'Vintage', 'Bohemian', 'Minimalist', 'Fantasy', 'Cyberpunk'] as const;
const HAIR_STYLES = ['short', 'long', 'curly', 'wavy', 'braided', 'bun', 'ponytail', 'pixie cut', 'buzz cut', 'bald'] as const;
const HAIR_COLORS = ['black', 'dark brown', 'brown', 'blonde', 'platinum', 'red', 'auburn', 'grey', 'white', 'pink'] as const;
const EYE_COLORS = ['brown', 'hazel', 'green', 'blue', 'grey', 'amber'] as const;
const SKIN_TONES = ['fair', 'light', 'medium', 'olive', 'tan', 'brown', 'dark'] as const;
const SETTINGS = ['rainy street', 'sunlit studio', 'mountain trail', 'neon alley', 'quiet library', 'busy kitchen', 'harbour at dusk', 'snowy forest'] as const;
const LIGHTING = ['soft window light', 'golden hour', 'studio softbox', 'dramatic rim light', 'overcast daylight'] as const;
const SHOTS = ['Portrait of a', 'Headshot of a', 'Photo of a', 'Close-up of a', 'Studio shot of a', 'Candid picture of a'] as const;
const CLOTHES = ['outfit', 'jacket', 'suit', 'dress', 'hoodie', 'uniform', 'coat'] as const;
const GENDERS = ['male', 'female', 'unisex'] as const;
const AGE_RANGES = ['young', 'adult', 'mature'] as const;
export const MODELS = [
  ['huggingface', 'black-forest-labs/FLUX.1-dev'],
  ['huggingface', 'black-forest-labs/FLUX.1-schnell'],
  ['huggingface', 'black-forest-labs/FLUX.1-Kontext-dev'],
  ['offline', 'dicebear/personas'],
] as const;

/** The same sequence on every machine (mulberry32, shared with the fake inference server). */
const random = seededRandom;

export interface GeneratedLibrary {
  projectIds: string[];
  avatars: number;
  insertMs: number;
}

const DAY = 86_400_000;
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Rows per INSERT: 29 columns × 1,000 stays under SQLite's 32,766 bound parameters. */
const BATCH = 1000;
const AVATAR_COLUMNS = [
  'id', 'project_id', 'name', 'persona_name', 'persona_age', 'persona_personality', 'persona_background', 'gender', 'age_range',
  'hair_style', 'hair_color', 'eye_color', 'skin_tone', 'style', 'source_type', 'image_format', 'image_width', 'image_height',
  'image_bytes', 'image_sha256', 'generation_prompt', 'seed', 'model', 'provider', 'generation_params', 'usage_count',
  'last_used_at', 'created_at', 'updated_at',
] as const;
const START = Date.UTC(2024, 0, 1);

/** Writes `projects` projects and `avatarCount` avatars into the (already migrated) library database. */
export const generateLibrary = (libraryDir: string, dbFile: string, projects: number, avatarCount: number, seed = 42): GeneratedLibrary => {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const maybe = <T>(value: T, chance = 0.85): T | null => (rnd() < chance ? value : null);
  // Valid ids (prefix + 24 base-36) from the seed, in ascending order so the primary key appends.
  const idFor = (prefix: 'prj' | 'ava', n: number): string => {
    let tail = '';
    for (let i = 0; i < 16; i += 1) tail += ID_ALPHABET[Math.floor(rnd() * 36)];
    return `${prefix}_${n.toString(36).padStart(8, '0')}${tail}`;
  };
  const db = new Database(path.join(libraryDir, dbFile));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -262144');
  const insertProject = db.prepare('insert into projects (id, name, description, created_at, updated_at) values (?, ?, ?, ?, ?)');
  // A bulk load: the avatars table's indexes and triggers are dropped, the rows written many per
  // statement, then the same indexes and triggers are re-created from their own DDL and the
  // full-text index rebuilt, as the migration's backfill builds it. Minutes become seconds.
  const derived = db
    .prepare("select type, name, sql from sqlite_master where tbl_name = 'avatars' and type in ('index', 'trigger') and sql is not null")
    .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
  const insertBatch = (rows: number) =>
    db.prepare(`insert into avatars (${AVATAR_COLUMNS.join(', ')}) values ${Array.from({ length: rows }, () => `(${AVATAR_COLUMNS.map(() => '?').join(', ')})`).join(', ')}`);
  const fullBatch = insertBatch(BATCH);
  const projectIds: string[] = [];
  const started = process.hrtime.bigint();
  db.transaction(() => {
    for (const { type, name } of derived) db.exec(`drop ${type} "${name}"`);
    for (let p = 0; p < projects; p += 1) {
      const id = idFor('prj', p);
      projectIds.push(id);
      insertProject.run(id, `Project ${p + 1}`, `Generated cast ${p + 1}`, START + p * 1000, START + p * 1000);
    }
    const batch: unknown[] = [];
    for (let i = 0; i < avatarCount; i += 1) {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const occupation = pick(OCCUPATIONS);
      const gender = maybe(pick(GENDERS), 0.9);
      const ageRange = maybe(pick(AGE_RANGES), 0.9);
      const style = maybe(pick(STYLES));
      const hairStyle = maybe(pick(HAIR_STYLES));
      const hairColor = maybe(pick(HAIR_COLORS));
      const traits = [...new Set([pick(TRAITS), pick(TRAITS), pick(TRAITS)])];
      const background = maybe(`A ${occupation} from ${pick(CITIES)} who ${pick(HOBBIES)}.`, 0.8);
      const roll = rnd();
      const sourceType = roll < 0.25 ? 'uploaded' : roll < 0.8 ? 'text_to_image' : roll < 0.93 ? 'from_preset' : 'from_reference';
      const generated = sourceType !== 'uploaded';
      const [provider, model] = pick(MODELS);
      const prompt = generated
        ? `${pick(SHOTS)} ${ageRange ?? 'adult'} ${occupation}, ${hairColor ?? 'dark'} ${hairStyle ?? 'short'} hair, ${(style ?? 'casual').toLowerCase()} ${pick(CLOTHES)}, ${pick(SETTINGS)}, ${pick(LIGHTING)}`
        : null;
      // Most avatars are never used; a few are used a lot.
      const usage = rnd() < 0.6 ? 0 : Math.floor(-Math.log(1 - rnd()) * 12);
      const createdAt = START + Math.floor(rnd() * 700 * DAY);
      const lastUsedAt = usage > 0 ? createdAt + Math.floor(rnd() * 30 * DAY) : null;
      batch.push(
        idFor('ava', i),
        projectIds[Math.floor(rnd() * projects)]!,
        `${first} ${last}`,
        maybe(`${first} the ${occupation}`, 0.7),
        maybe(18 + Math.floor(rnd() * 60)),
        JSON.stringify(traits),
        background,
        gender,
        ageRange,
        hairStyle,
        hairColor,
        maybe(pick(EYE_COLORS)),
        maybe(pick(SKIN_TONES)),
        style,
        sourceType,
        'jpeg',
        1024,
        1024,
        180_000,
        (i.toString(16) + '0'.repeat(64)).slice(0, 64),
        prompt,
        generated ? Math.floor(rnd() * 2 ** 31) : null,
        generated ? model : null,
        generated ? provider : null,
        generated ? '{"width":1024,"height":1024}' : null,
        usage,
        lastUsedAt,
        createdAt,
        lastUsedAt ?? createdAt,
      );
      const rows = batch.length / AVATAR_COLUMNS.length;
      if (rows === BATCH || i === avatarCount - 1) {
        (rows === BATCH ? fullBatch : insertBatch(rows)).run(batch);
        batch.length = 0;
      }
    }
    for (const { sql } of derived) db.exec(sql);
    db.exec("insert into avatars_fts (avatars_fts) values ('rebuild')");
  })();
  const insertMs = Number(process.hrtime.bigint() - started) / 1e6;
  db.close();
  return { projectIds, avatars: avatarCount, insertMs };
};
