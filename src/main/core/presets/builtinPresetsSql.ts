import { BUILTIN_PRESETS, BUILTIN_PRESETS_AT, type BuiltinPreset } from './builtinPresets';

/** The migration that seeds the built-in presets, relative to the project root. */
export const BUILTIN_PRESETS_MIGRATION = 'drizzle/0004_builtin_presets.sql';

const quote = (value: string | null): string => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);

const values = (preset: BuiltinPreset): string =>
  [
    quote(preset.id),
    quote(preset.name),
    quote(preset.category),
    quote(preset.description),
    quote(JSON.stringify(preset.persona)),
    quote(JSON.stringify(preset.attributes)),
    quote(preset.prompt),
    '1',
    '0',
    'NULL',
    String(BUILTIN_PRESETS_AT),
    String(BUILTIN_PRESETS_AT),
  ].join(', ');

/** The text of migration 0004, generated from BUILTIN_PRESETS; tests/presets check the file still equals it. */
export const builtinPresetsMigrationSql = (presets: readonly BuiltinPreset[] = BUILTIN_PRESETS): string =>
  [
    '-- The built-in presets. Generated from src/main/core/presets/builtinPresets.ts by',
    '-- `npx tsx scripts/write-preset-migration.ts`; do not edit by hand (a test checks they agree).',
    'INSERT INTO `presets` (`id`, `name`, `category`, `description`, `persona`, `attributes`, `prompt`, `is_builtin`, `usage_count`, `preview_avatar_id`, `created_at`, `updated_at`) VALUES',
    presets.map((preset) => `  (${values(preset)})`).join(',\n') + ';',
    '',
  ].join('\n');
