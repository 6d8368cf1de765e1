/**
 * Draws the preview of every built-in preset with the offline provider and writes it to
 * src/renderer/public/presets/<presetId>.webp (256×256), which the presets gallery shows.
 * Run after editing the built-in presets: `npx tsx scripts/render-preset-previews.ts`.
 * The seed of each preview is derived from the preset id, so a re-run draws the same pictures.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { createOfflineProvider, OFFLINE_MODEL } from '../src/main/core/generation/providers/offlineProvider';
import { BUILTIN_PRESETS } from '../src/main/core/presets/builtinPresets';

const SIZE = 256;
const outDir = fileURLToPath(new URL('../src/renderer/public/presets/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const seedFor = (id: string): number => createHash('sha256').update(id).digest().readUInt32BE(0);

const provider = createOfflineProvider();
const signal = new AbortController().signal;
const started = performance.now();
for (const preset of BUILTIN_PRESETS) {
  const image = await provider.generate(
    {
      prompt: preset.prompt,
      negativePrompt: null,
      model: OFFLINE_MODEL,
      width: SIZE,
      height: SIZE,
      steps: 1,
      guidance: 0,
      seed: seedFor(preset.id),
      recipe: { persona: preset.persona, attributes: preset.attributes, prompt: preset.prompt },
    },
    { signal, onStage: () => undefined },
  );
  const webp = await sharp(Buffer.from(image.bytes)).webp({ quality: 88, effort: 6 }).toBuffer();
  writeFileSync(`${outDir}${preset.id}.webp`, webp);
}
const ms = performance.now() - started;
process.stdout.write(`Wrote ${BUILTIN_PRESETS.length} previews to src/renderer/public/presets/ in ${Math.round(ms)} ms (${(ms / BUILTIN_PRESETS.length).toFixed(1)} ms each)\n`);
