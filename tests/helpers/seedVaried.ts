import Database from 'better-sqlite3';
import path from 'node:path';
import { DB_FILE_NAME } from '../../src/main/core';
import { newId } from '../../src/shared/ids';
import type { AgeRange, Gender, SourceType } from '../../src/shared/vocabulary';

/** One seeded avatar as the search should see it: the oracle the tests compare against. */
export interface SeededAvatar {
  id: string;
  projectId: string;
  name: string;
  personaName: string | null;
  personality: string[];
  background: string | null;
  gender: Gender | null;
  ageRange: AgeRange | null;
  style: string | null;
  hairColor: string | null;
  sourceType: SourceType;
  provider: string | null;
  model: string | null;
  prompt: string | null;
  usageCount: number;
  lastUsedAt: number | null;
  createdAt: number;
}

export type SeedSpec = Partial<SeededAvatar> & { projectId: string; name: string };

const BASE = 1_750_000_000_000;
const GENDERS: (Gender | null)[] = ['male', 'female', 'unisex', null];
const AGE_RANGES: (AgeRange | null)[] = ['young', 'adult', 'mature', null, 'adult'];
// The same style in different case on purpose: the filter ignores case.
const STYLES = ['Casual', 'professional', 'Vintage', 'casual', null, 'Cyberpunk', 'PROFESSIONAL'];
const SOURCES: SourceType[] = ['uploaded', 'text_to_image', 'text_to_image', 'from_preset', 'from_reference'];
const MODELS = [
  ['huggingface', 'black-forest-labs/FLUX.1-dev'],
  ['huggingface', 'black-forest-labs/FLUX.1-schnell'],
  ['offline', 'dicebear/personas'],
] as const;
const FIRST = ['Ana', 'bruno', 'Chloé', 'dmitri', 'Élodie', 'Farah', 'gus', 'Hiro', 'Ines', 'jonas', 'Kemi', 'Lars'];
const LAST = ['Okafor', 'novak', 'Ruiz', 'tanaka', 'Weiß'];
const JOBS = ['baker', 'pilot', 'medic', 'welder', 'florist', 'coder', 'tailor'];
const CITIES = ['Porto', 'Osaka', 'Accra', 'Bergen', 'Quito'];
const TRAITS = ['calm', 'curious', 'witty', 'bold', 'shy', 'kind'];
const HAIR = ['black', 'auburn', 'grey', null, 'blonde', 'teal'];

/** `count` varied avatars spread over the projects: cycles of coprime lengths give every mix, and ties in every sort key. */
export const variedSpecs = (projectIds: string[], count: number): SeedSpec[] =>
  Array.from({ length: count }, (_, i) => {
    const job = JOBS[i % JOBS.length]!;
    const source = SOURCES[i % SOURCES.length]!;
    const [provider, model] = MODELS[i % MODELS.length]!;
    const generated = source !== 'uploaded';
    return {
      projectId: projectIds[i % projectIds.length]!,
      name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`,
      personaName: i % 4 === 0 ? null : `${FIRST[(i * 5) % FIRST.length]} the ${job}`,
      personality: [TRAITS[i % TRAITS.length]!, TRAITS[(i * 7 + 1) % TRAITS.length]!],
      background: i % 6 === 0 ? null : `A ${job} from ${CITIES[i % CITIES.length]}.`,
      gender: GENDERS[i % GENDERS.length]!,
      ageRange: AGE_RANGES[i % AGE_RANGES.length]!,
      style: STYLES[i % STYLES.length]!,
      hairColor: HAIR[i % HAIR.length]!,
      sourceType: source,
      provider: generated ? provider : null,
      model: generated ? model : null,
      prompt: generated ? `photo of a ${job} in ${CITIES[(i * 3) % CITIES.length]}` : null,
      // Few distinct values: every sort needs its tie-breakers.
      usageCount: (i * 13) % 11,
      lastUsedAt: i % 3 === 0 ? null : BASE + ((i * 7) % 50) * 60_000,
      createdAt: BASE + (i % 97) * 1_000,
    };
  });

/** Inserts avatar rows straight into the library's SQLite file (as the app's inserts do, so the FTS triggers run). */
export const seedAvatars = (libraryDir: string, specs: SeedSpec[]): SeededAvatar[] => {
  const db = new Database(path.join(libraryDir, DB_FILE_NAME));
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(`insert into avatars (id, project_id, name, persona_name, persona_personality, persona_background,
      gender, age_range, style, hair_color, source_type, image_format, image_width, image_height, image_bytes, image_sha256,
      generation_prompt, seed, model, provider, usage_count, last_used_at, created_at, updated_at)
    values (@id, @projectId, @name, @personaName, @personality, @background, @gender, @ageRange, @style, @hairColor, @sourceType,
      'jpeg', 512, 512, 1000, '${'a'.repeat(64)}', @prompt, @seed, @model, @provider, @usageCount, @lastUsedAt, @createdAt, @createdAt)`);
  const seeded = specs.map(
    (spec, i): SeededAvatar => ({
      id: newId('avatar'),
      personaName: null,
      personality: [],
      background: null,
      gender: null,
      ageRange: null,
      style: null,
      hairColor: null,
      sourceType: 'uploaded',
      provider: null,
      model: null,
      prompt: null,
      usageCount: 0,
      lastUsedAt: null,
      createdAt: BASE + 500_000 + i,
      ...spec,
    }),
  );
  db.transaction(() => {
    for (const avatar of seeded) {
      insert.run({ ...avatar, personality: JSON.stringify(avatar.personality), seed: avatar.prompt === null ? null : 7 });
    }
  })();
  db.close();
  return seeded;
};
