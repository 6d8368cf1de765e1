// Child process for the shared-library test: runs a pool on the library until nothing is left to claim.
import { openLibrary } from '../../src/main/core';
import { createHuggingFaceProvider } from '../../src/main/core/generation/providers/huggingFace';
import { defaultSettings } from '../../src/main/core/generation/settings';
import { MIGRATIONS } from './library';

const [dir, endpointUrl] = process.argv.slice(2) as [string, string];
const service = createHuggingFaceProvider({ token: async () => 'hf_test_token', inferenceProvider: 'auto', endpointUrl });
let ran = 0;
const provider: typeof service = {
  kind: service.kind,
  generate: (request, context) => {
    ran += 1;
    return service.generate(request, context);
  },
};
const library = await openLibrary({
  dir,
  migrationsFolder: MIGRATIONS,
  watch: true,
  sweepOnOpen: false,
  log: () => {},
  generation: { providerFor: () => provider, settings: defaultSettings({ concurrency: 3 }), runJobs: true },
});
const active = async () => {
  const result = await library.router.invoke('queue.status', {}, { shell: 'test' });
  if (!result.ok) throw new Error(result.error.message);
  const { counts } = result.value as { counts: { pending: number; processing: number } };
  return counts.pending + counts.processing;
};
while ((await active()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
await library.close();
process.stdout.write(`${ran}\n`);
