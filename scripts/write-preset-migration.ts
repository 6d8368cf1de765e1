/**
 * Writes drizzle/0004_builtin_presets.sql from src/main/core/presets/builtinPresets.ts.
 * Run after editing the built-in presets: `npx tsx scripts/write-preset-migration.ts`.
 * (A migration that already shipped must not change; once 0004 is released, new or changed
 * built-ins go in a new migration.)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_PRESETS_MIGRATION, builtinPresetsMigrationSql } from '../src/main/core/presets/builtinPresetsSql';

const target = fileURLToPath(new URL(`../${BUILTIN_PRESETS_MIGRATION}`, import.meta.url));
writeFileSync(target, builtinPresetsMigrationSql());
process.stdout.write(`Wrote ${BUILTIN_PRESETS_MIGRATION}\n`);
